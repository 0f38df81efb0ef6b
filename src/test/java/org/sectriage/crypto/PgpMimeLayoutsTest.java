package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PGP/MIME messages laid out as different clients and servers write them all decrypt to the same entity. */
class PgpMimeLayoutsTest {

    private static final byte[] INNER = MailFixtures.crlf("Content-Type: text/plain; charset=utf-8\n\n"
            + "The upload handler accepts ../ in file names.\n").getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSPHRASE = "layouts".toCharArray();

    private static MessageDecryptor decryptor;
    private static byte[] armored;

    @BeforeAll
    static void encrypt() throws Exception {
        PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                "Project Security <security@example.org>", KeyAlgorithm.CURVE25519, PASSPHRASE, new Date());
        decryptor = new MessageDecryptor(SecretKeySet.empty().with(ring, PASSPHRASE), DecryptionLimits.DEFAULT,
                Clock.systemUTC());
        armored = new MessageEncryptor(new SecureRandom()).encrypt(INNER, List.of(KeyFiles.publicPart(ring)));
    }

    @Test
    void lfLineEndingsAsAMailboxFileKeepsThem() {
        byte[] lf = new String(MailFixtures.pgpMime(armored), StandardCharsets.US_ASCII).replace("\r\n", "\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertDecrypts(lf);
    }

    @Test
    void aFoldedContentTypeAndABase64EncodedPayload() {
        String base64 = Base64.getMimeEncoder().encodeToString(armored);

        assertDecrypts(MailFixtures.message("Content-Type: multipart/encrypted;\n"
                + "\tprotocol=\"application/pgp-encrypted\";\n\tboundary=\"b1\"\n\n"
                + "--b1\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n\n"
                + "--b1\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
                + base64 + "\n--b1--\n"));
    }

    @Test
    void aBinaryPayloadDeclaredBinary() throws Exception {
        byte[] binary = PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(armored)).readAllBytes();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(MailFixtures.message("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";"
                + " boundary=\"b2\"\n\n--b2\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n\n"
                + "--b2\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n"));
        raw.writeBytes(binary);
        raw.writeBytes("\r\n--b2--\r\n".getBytes(StandardCharsets.US_ASCII));

        assertDecrypts(raw.toByteArray());
    }

    private static void assertDecrypts(byte[] raw) {
        DecryptionResult result = decryptor.decrypt(raw);

        assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
        assertThat(result.content()).isEqualTo(INNER);
    }
}
