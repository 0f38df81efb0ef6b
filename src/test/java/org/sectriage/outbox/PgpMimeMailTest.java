package org.sectriage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.crypto.DecryptionLimits;
import org.sectriage.crypto.DecryptionResult;
import org.sectriage.crypto.GnuPg;
import org.sectriage.crypto.GpgKeys;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.crypto.MessageDecryptor;
import org.sectriage.crypto.PublicKeySet;
import org.sectriage.crypto.SecretKeySet;
import org.sectriage.crypto.SignatureReport;
import org.sectriage.crypto.SignatureVerifier;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;

/** Signed and encrypted mail as the composer writes it, read by real GnuPG and by our own verifier and decryptor. */
class PgpMimeMailTest {

    private static final String BODY = "Hello Alex,\n\nthank you for your report about the path traversal.\n"
            + "From now on this case is SEC-2026-0001.\n"
            + "A line with trailing spaces   \n"
            + "Ünïcödé and a long line: " + "0123456789 ".repeat(12) + "\n\n-- \nThe security team\n";
    private static final String ALICE = "Alice Maintainer <alice@example.org>";
    private static final String BOB = "Bob Maintainer <bob@example.org>";

    @TempDir
    static Path temp;

    private static GpgKeys keys;
    private static GnuPg alice;
    private static GnuPg bob;
    private static PGPPublicKeyRing aliceKey;
    private static PGPPublicKeyRing bobKey;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = GpgKeys.generate(temp);
        alice = maintainer(ALICE, "ed25519", "cv25519");
        bob = maintainer(BOB, "rsa2048", "rsa2048");
        aliceKey = alice.publicKey(alice.fingerprint(ALICE));
        bobKey = bob.publicKey(bob.fingerprint(BOB));
    }

    /** A maintainer's own GnuPG home holding their key pair and the security team's public keys. */
    private static GnuPg maintainer(String user, String primary, String subkey) throws Exception {
        GnuPg home = GnuPg.inTemporaryHome(temp);
        home.generateKey(user, primary, subkey);
        home.importKey(KeyFiles.armor(keys.publicKey(keys.rsa)).getBytes(StandardCharsets.US_ASCII));
        home.importKey(KeyFiles.armor(keys.publicKey(keys.curve)).getBytes(StandardCharsets.US_ASCII));
        return home;
    }

    @AfterAll
    static void stopAgents() {
        for (AutoCloseable home : new AutoCloseable[] {keys, alice, bob}) {
            try {
                if (home != null) {
                    home.close();
                }
            } catch (Exception e) {
                // the agents exit by themselves once their homes are gone
            }
        }
    }

    @Test
    void gpgVerifiesASignedMailByTheRsaSecurityKey() throws Exception {
        assertGpgVerifiesSignedMail(keys.rsa);
    }

    @Test
    void gpgVerifiesASignedMailByTheEd25519SecurityKey() throws Exception {
        assertGpgVerifiesSignedMail(keys.curve);
    }

    private void assertGpgVerifiesSignedMail(String securityKey) throws Exception {
        WireEntity mail = WireEntity.of(composer(securityKey).compose(mail()).raw());

        assertThat(mail.is("multipart/signed")).isTrue();
        assertThat(mail.contentType().getParameter("micalg")).isEqualTo("pgp-sha512");
        assertThat(mail.contentType().getParameter("protocol")).isEqualTo("application/pgp-signature");
        assertThat(mail.parts()).hasSize(2);
        assertThat(mail.part(1).is("application/pgp-signature")).isTrue();
        assertThat(keys.gpg.verifyDetached(mail.parts().get(0), mail.part(1).body()))
                .contains("GOODSIG", "VALIDSIG " + securityKey);
    }

    @Test
    void theSignedPartIsSevenBitQuotedPrintableThatDecodesToTheBody() throws Exception {
        byte[] raw = composer(keys.curve).compose(mail()).raw();
        WireEntity text = WireEntity.of(raw).part(0);

        assertThat(text.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(text.header("Content-Transfer-Encoding")).isEqualTo("quoted-printable");
        for (byte b : raw) {
            assertThat(b & 0xff).as("every byte is 7-bit").isLessThan(128);
        }
        String wire = new String(raw, StandardCharsets.US_ASCII);
        assertThat(wire.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(wire.split("\r\n")).allSatisfy(line -> {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
            assertThat(line).as("mailbox files rewrite it").doesNotStartWith("From ");
            assertThat(line).as("trailing white space is lost on the way").doesNotEndWith(" ");
        });
        MimeMultipart parsed = (MimeMultipart) parse(raw).getContent();
        assertThat(parsed.getBodyPart(0).getContent()).isEqualTo(BODY.replace("\n", "\r\n"));
    }

    @Test
    void everyHeaderStaysOnTheOuterMessage() throws Exception {
        MailComposer.ComposedMail composed = composer(keys.rsa).compose(mail().encryptedTo(List.of(aliceKey)));
        MimeMessage parsed = parse(composed.raw());

        assertThat(parsed.getMessageID()).isEqualTo(composed.messageId());
        assertThat(parsed.getSubject()).isEqualTo("[SEC-2026-0001] Re: path traversal in the upload handler");
        assertThat(parsed.getHeader("In-Reply-To", null)).isEqualTo("<report-1@researcher.example>");
        assertThat(parsed.getHeader("References", null)).isEqualTo("<report-1@researcher.example>");
        assertThat(parsed.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(parsed.getHeader("X-Loop", null)).isEqualTo("security@example.org");
        assertThat(parsed.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(parsed.getHeader("X-Sectriage-Case", null)).isEqualTo("SEC-2026-0001");
        assertThat(parsed.getHeader("MIME-Version", null)).isEqualTo("1.0");
        assertThat(parsed.getFrom()[0].toString()).isEqualTo("Example Security <security@example.org>");
        assertThat(parsed.getSentDate()).isNotNull();
    }

    @Test
    void aTamperedSignedBodyFailsVerification() throws Exception {
        byte[] raw = composer(keys.rsa).compose(mail()).raw();
        byte[] tampered = new String(raw, StandardCharsets.US_ASCII).replace("path traversal", "path trafersal")
                .getBytes(StandardCharsets.US_ASCII);
        WireEntity mail = WireEntity.of(tampered);

        assertThatThrownBy(() -> keys.gpg.verifyDetached(mail.parts().get(0), mail.part(1).body()))
                .hasMessageContaining("BAD signature");
        assertThat(verifier().verify(tampered).status()).isEqualTo(SignatureReport.Status.INVALID);
    }

    @Test
    void ourVerifierAcceptsWhatTheComposerSigned() throws Exception {
        byte[] raw = composer(keys.rsa).compose(mail()).raw();
        byte[] storedWithLf = new String(raw, StandardCharsets.US_ASCII).replace("\r\n", "\n")
                .getBytes(StandardCharsets.US_ASCII);

        SignatureReport report = verifier().verify(raw);

        assertThat(report.signed()).as(report.toString()).isTrue();
        assertThat(report.signerFingerprint()).isEqualTo(keys.rsa);
        assertThat(verifier().verify(storedWithLf).signed()).as("as a mailbox file on Unix keeps it").isTrue();
    }

    @Test
    void gpgDecryptsAnEncryptedMailAndFindsTheTextAndTheSignature() throws Exception {
        byte[] raw = composer(keys.rsa).compose(mail().encryptedTo(List.of(aliceKey))).raw();
        WireEntity mail = WireEntity.of(raw);

        assertThat(mail.is("multipart/encrypted")).isTrue();
        assertThat(mail.contentType().getParameter("protocol")).isEqualTo("application/pgp-encrypted");
        assertThat(mail.part(0).is("application/pgp-encrypted")).isTrue();
        assertThat(mail.part(0).bodyText()).isEqualTo("Version: 1\r\n");
        assertThat(mail.part(1).is("application/octet-stream")).isTrue();
        assertThat(new String(raw, StandardCharsets.US_ASCII)).doesNotContain("thank you for your report")
                .contains("-----BEGIN PGP MESSAGE-----");

        WireEntity inner = WireEntity.of(alice.run(mail.part(1).body(), "--decrypt"));

        assertThat(inner.is("multipart/signed")).isTrue();
        assertThat(alice.verifyDetached(inner.parts().get(0), inner.part(1).body()))
                .contains("GOODSIG", "VALIDSIG " + keys.rsa);
        assertThat(((MimeMultipart) parse(inner.bodyWithHeaders()).getContent()).getBodyPart(0).getContent())
                .isEqualTo(BODY.replace("\n", "\r\n"));
    }

    @Test
    void aMailEncryptedToTwoMaintainersOpensWithEitherKey() throws Exception {
        byte[] raw = composer(keys.curve).compose(mail().encryptedTo(List.of(aliceKey, bobKey))).raw();
        byte[] encrypted = WireEntity.of(raw).part(1).body();

        for (GnuPg maintainer : List.of(alice, bob)) {
            WireEntity inner = WireEntity.of(maintainer.run(encrypted, "--decrypt"));
            assertThat(maintainer.verifyDetached(inner.parts().get(0), inner.part(1).body()))
                    .contains("VALIDSIG " + keys.curve);
        }
    }

    @Test
    void ourDecryptorAndVerifierAcceptWhatTheComposerEncrypted() throws Exception {
        byte[] raw = composer(keys.rsa).compose(mail().encryptedTo(List.of(aliceKey, bobKey))).raw();
        SecretKeySet bobSecret = SecretKeySet.empty().with(bob.secretKey(bob.fingerprint(BOB)),
                GnuPg.PASSPHRASE.toCharArray());

        DecryptionResult decrypted = new MessageDecryptor(bobSecret, DecryptionLimits.DEFAULT, Clock.systemUTC())
                .decrypt(raw);

        assertThat(decrypted.status()).as(decrypted.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        SignatureReport report = verifier().verify(decrypted.content());
        assertThat(report.signed()).as(report.toString()).isTrue();
        assertThat(report.signerFingerprint()).isEqualTo(keys.rsa);
    }

    @Test
    void withoutSigningKeysAnEncryptedMailHoldsThePlainTextPart() throws Exception {
        MailComposer composer = new MailComposer(EmailAddress.of("security@example.org"), "Example Security",
                Clock.systemUTC());
        byte[] raw = composer.compose(mail().encryptedTo(List.of(aliceKey))).raw();

        byte[] inner = alice.run(WireEntity.of(raw).part(1).body(), "--decrypt");

        assertThat(WireEntity.of(inner).is("text/plain")).isTrue();
        assertThat(parse(inner).getContent()).isEqualTo(BODY.replace("\n", "\r\n"));
    }

    @Test
    void aKeyThatCannotEncryptIsNamed() throws Exception {
        PGPPublicKeyRing signOnly = new PGPPublicKeyRing(List.of(aliceKey.getPublicKey()));

        assertThatThrownBy(() -> composer(keys.rsa).compose(mail().encryptedTo(List.of(signOnly))))
                .isInstanceOf(UnencryptableMailException.class)
                .hasMessageContaining(alice.fingerprint(ALICE))
                .hasMessageContaining("acknowledgement");
    }

    @Test
    void withoutSigningKeysOrEncryptionTheMailIsTheSameAsBefore() throws Exception {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        EmailAddress security = EmailAddress.of("security@example.org");
        MailComposer.ComposedMail before = new MailComposer(security, "Example Security", clock).compose(mail());

        for (SecretKeySet none : new SecretKeySet[] {null, SecretKeySet.empty()}) {
            MailComposer.ComposedMail now = new MailComposer(security, "Example Security", clock, none)
                    .compose(mail());
            assertThat(new String(now.raw(), StandardCharsets.US_ASCII).replace(now.messageId(), "<id>"))
                    .isEqualTo(new String(before.raw(), StandardCharsets.US_ASCII).replace(before.messageId(), "<id>"));
        }
        assertThat(WireEntity.of(before.raw()).is("text/plain")).isTrue();
    }

    private static OutgoingMail mail() {
        return new OutgoingMail(new CaseId(2026, 1), "acknowledgement",
                List.of(new EmailAddress("alex@researcher.example", "Alex")), EmailAddress.of("security@example.org"),
                "[SEC-2026-0001] Re: path traversal in the upload handler", BODY, "<report-1@researcher.example>",
                List.of("<report-1@researcher.example>"), OutgoingMail.AUTO_REPLIED);
    }

    private static MailComposer composer(String securityKey) throws Exception {
        return new MailComposer(EmailAddress.of("security@example.org"), "Example Security", Clock.systemUTC(),
                SecretKeySet.empty().with(keys.gpg.secretKey(securityKey), GnuPg.PASSPHRASE.toCharArray()));
    }

    private static SignatureVerifier verifier() throws Exception {
        return new SignatureVerifier(new PublicKeySet(List.of(keys.publicKey(keys.rsa), keys.publicKey(keys.curve))));
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }
}
