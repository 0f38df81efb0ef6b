package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification of PGP/MIME and cleartext signatures made by real GnuPG. */
class SignatureVerifierTest {

    private static final String SIGNED_PART = MailFixtures.crlf("Content-Type: text/plain; charset=us-ascii\n"
            + "Content-Transfer-Encoding: 7bit\n\n"
            + "#confirm\n"
            + "#severity high\n"
            + "From here on, trailing spaces matter.  \n");

    @TempDir
    static Path temp;

    private static GpgKeys keys;
    private static SignatureVerifier verifier;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = GpgKeys.generate(temp);
        verifier = new SignatureVerifier(new PublicKeySet(List.of(keys.publicKey(keys.rsa),
                keys.publicKey(keys.curve))));
    }

    @AfterAll
    static void stopAgent() {
        if (keys != null) {
            keys.close();
        }
    }

    private static String detachedSignature(String signer, String data) throws Exception {
        return new String(keys.gpg.run(data.getBytes(StandardCharsets.UTF_8), "--armor", "--local-user", signer,
                "--digest-algo", "SHA256", "--detach-sign"), StandardCharsets.US_ASCII);
    }

    private static String multipartSigned(String signedPart, String signature) {
        return "Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\";"
                + " boundary=\"sig-boundary\"\n\n"
                + "This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\n"
                + "--sig-boundary\n" + signedPart
                + "\n--sig-boundary\n"
                + "Content-Type: application/pgp-signature; name=\"signature.asc\"\n\n"
                + signature
                + "\n--sig-boundary--\n";
    }

    @Test
    void verifiesMultipartSignedByAKnownCurve25519Key() throws Exception {
        byte[] raw = MailFixtures.message(multipartSigned(SIGNED_PART, detachedSignature(keys.curve, SIGNED_PART)));

        SignatureReport report = verifier.verify(raw);

        assertThat(report.status()).isEqualTo(SignatureReport.Status.VALID);
        assertThat(report.signerFingerprint()).isEqualTo(keys.curve);
        assertThat(report.coversWholeMessage()).isTrue();
        assertThat(report.signed()).isTrue();
    }

    @Test
    void verifiesMultipartSignedByAKnownRsaKeyWithLfLineEndingsOnDisk() throws Exception {
        String message = new String(MailFixtures.message(multipartSigned(SIGNED_PART,
                detachedSignature(keys.rsa, SIGNED_PART))), StandardCharsets.UTF_8).replace("\r\n", "\n");

        SignatureReport report = verifier.verify(message.getBytes(StandardCharsets.UTF_8));

        assertThat(report.signed()).isTrue();
        assertThat(report.signerFingerprint()).isEqualTo(keys.rsa);
    }

    @Test
    void reportsAnAlteredSignedPartAsInvalid() throws Exception {
        String signature = detachedSignature(keys.curve, SIGNED_PART);
        String altered = SIGNED_PART.replace("#severity high", "#severity low");

        SignatureReport report = verifier.verify(MailFixtures.message(multipartSigned(altered, signature)));

        assertThat(report.status()).isEqualTo(SignatureReport.Status.INVALID);
        assertThat(report.signed()).isFalse();
    }

    @Test
    void reportsASignatureByAnUnknownKeyWithItsIssuer() throws Exception {
        byte[] raw = MailFixtures.message(multipartSigned(SIGNED_PART,
                detachedSignature(keys.stranger, SIGNED_PART)));

        SignatureReport report = verifier.verify(raw);

        assertThat(report.status()).isEqualTo(SignatureReport.Status.UNKNOWN_KEY);
        assertThat(keys.stranger).endsWith(report.signerFingerprint().length() == 40
                ? report.signerFingerprint() : report.signerFingerprint().substring(0, 16));
        assertThat(report.signed()).isFalse();
    }

    @Test
    void doesNotCountASignedPartWrappedInUnsignedContentAsSigned() throws Exception {
        String signedEntity = multipartSigned(SIGNED_PART, detachedSignature(keys.curve, SIGNED_PART));
        byte[] raw = MailFixtures.message("Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
                + "--outer\nContent-Type: text/plain\n\n#reject forged: this line is not signed\n"
                + "--outer\n" + signedEntity + "--outer--\n");

        SignatureReport report = verifier.verify(raw);

        assertThat(report.status()).isEqualTo(SignatureReport.Status.VALID);
        assertThat(report.coversWholeMessage()).isFalse();
        assertThat(report.signed()).isFalse();
    }

    @Test
    void verifiesAnInlineCleartextSignature() throws Exception {
        String clearsigned = new String(keys.gpg.run(
                "#confirm\n- a dashed line\nsecond line with trailing space \n".getBytes(StandardCharsets.UTF_8),
                "--local-user", keys.rsa, "--clearsign"), StandardCharsets.UTF_8);

        SignatureReport report = verifier.verify(MailFixtures.message(
                "Content-Type: text/plain; charset=utf-8\n\n" + clearsigned));

        assertThat(report.status()).isEqualTo(SignatureReport.Status.VALID);
        assertThat(report.signerFingerprint()).isEqualTo(keys.rsa);
        assertThat(report.signed()).isTrue();
    }

    @Test
    void reportsAnAlteredCleartextSignedTextAsInvalid() throws Exception {
        String clearsigned = new String(keys.gpg.run("#confirm\n".getBytes(StandardCharsets.UTF_8),
                "--local-user", keys.curve, "--clearsign"), StandardCharsets.UTF_8);

        SignatureReport report = verifier.verify(MailFixtures.message("Content-Type: text/plain\n\n"
                + clearsigned.replace("#confirm", "#reject")));

        assertThat(report.status()).isEqualTo(SignatureReport.Status.INVALID);
    }

    @Test
    void doesNotCountACleartextSignatureWithUnsignedTextAroundItAsSigned() throws Exception {
        String clearsigned = new String(keys.gpg.run("#confirm\n".getBytes(StandardCharsets.UTF_8),
                "--local-user", keys.curve, "--clearsign"), StandardCharsets.UTF_8);

        SignatureReport report = verifier.verify(MailFixtures.message("Content-Type: text/plain\n\n"
                + "#close\n\n" + clearsigned));

        assertThat(report.status()).isEqualTo(SignatureReport.Status.VALID);
        assertThat(report.coversWholeMessage()).isFalse();
        assertThat(report.signed()).isFalse();
    }

    @Test
    void reportsAnUnsignedMessageAsNotSigned() {
        SignatureReport report = verifier.verify(MailFixtures.message("Content-Type: text/plain\n\nhello\n"));

        assertThat(report.status()).isEqualTo(SignatureReport.Status.NOT_SIGNED);
        assertThat(report.hasSignature()).isFalse();
    }
}
