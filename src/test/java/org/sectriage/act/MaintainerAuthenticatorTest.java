package org.sectriage.act;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sectriage.config.SectriageConfig.AuthenticationMode;
import org.sectriage.config.SectriageConfig.MaintainerAuthentication;
import org.sectriage.domain.EmailAddress;
import org.sectriage.parse.HeaderSet;

/** Which Authentication-Results count as a maintainer's DKIM pass, and what a signature must be. */
class MaintainerAuthenticatorTest {

    private static final EmailAddress MARIA = EmailAddress.of("maria@project.example");
    private final MaintainerAuthenticator authenticator = new MaintainerAuthenticator(
            new MaintainerAuthentication(AuthenticationMode.SIGNATURE_OR_DKIM, List.of("mx.project.example")), Map.of());

    private static HeaderSet results(String... values) {
        return new HeaderSet(Map.of("authentication-results", List.of(values)));
    }

    private MaintainerAuthenticator.Verdict check(HeaderSet headers) {
        return authenticator.check(MARIA, headers, "none", null, false);
    }

    @Test
    void aDkimPassForTheFromDomainFromTheTrustedServerAuthenticates() {
        assertThat(check(results("mx.project.example; dkim=pass header.d=project.example header.s=mail")).authenticated())
                .isTrue();
    }

    @Test
    void aParentDomainAlignsButASiblingOrATopLevelDomainDoesNot() {
        EmailAddress sub = EmailAddress.of("maria@mail.project.example");
        assertThat(authenticator.check(sub, results("mx.project.example; dkim=pass header.d=project.example"), "none",
                null, false).authenticated()).isTrue();
        assertThat(check(results("mx.project.example; dkim=pass header.d=other.example")).authenticated()).isFalse();
        assertThat(check(results("mx.project.example; dkim=pass header.d=example")).authenticated()).isFalse();
    }

    @Test
    void aPassWrittenByAnotherServerOrAFailDoesNotCount() {
        assertThat(check(results("mx.attacker.example; dkim=pass header.d=project.example")).authenticated()).isFalse();
        assertThat(check(results("mx.project.example; dkim=fail header.d=project.example")).authenticated()).isFalse();
        assertThat(check(results("mx.project.example; spf=pass smtp.mailfrom=project.example")).authenticated())
                .isFalse();
    }

    @Test
    void theIdentityIsUsedWhenTheDomainIsNotGiven() {
        assertThat(check(results("mx.project.example; dkim=pass header.i=@project.example")).authenticated()).isTrue();
    }

    @Test
    void anUnsignedMessageWithoutDkimSaysWhyItIsNotAuthenticated() {
        MaintainerAuthenticator.Verdict verdict = check(new HeaderSet(Map.of()));

        assertThat(verdict.authenticated()).isFalse();
        assertThat(verdict.explanation()).contains("it is not signed").contains("no DKIM pass for project.example");
    }

    @Test
    void inSignatureModeDkimIsNotEnough() {
        MaintainerAuthenticator strict = new MaintainerAuthenticator(
                new MaintainerAuthentication(AuthenticationMode.SIGNATURE, List.of("mx.project.example")), Map.of());

        assertThat(strict.check(MARIA, results("mx.project.example; dkim=pass header.d=project.example"), "none", null,
                false).authenticated()).isFalse();
    }

    @Test
    void aSignatureOverAPartOnlyDoesNotCount() {
        MaintainerAuthenticator.Verdict verdict = authenticator.check(MARIA, new HeaderSet(Map.of()), "valid",
                "ABCDEF", false);

        assertThat(verdict.authenticated()).isFalse();
        assertThat(verdict.explanation()).contains("covers only a part");
    }
}
