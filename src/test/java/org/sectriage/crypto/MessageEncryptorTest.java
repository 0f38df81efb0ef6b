package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reverse direction: what we encrypt, real GnuPG decrypts. */
class MessageEncryptorTest {

    private static final byte[] PLAINTEXT = ("Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Thank you for your report SEC-2026-0001. Ünïcödé survives.\r\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path temp;

    private static GpgKeys keys;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = GpgKeys.generate(temp);
    }

    @AfterAll
    static void stopAgent() {
        if (keys != null) {
            keys.close();
        }
    }

    @Test
    void gpgDecryptsWhatWeEncryptToItsRsaKey() throws Exception {
        byte[] armored = new MessageEncryptor(new SecureRandom()).encrypt(PLAINTEXT,
                List.of(keys.publicKey(keys.rsa)));

        assertThat(new String(armored, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PGP MESSAGE-----");
        assertThat(keys.gpg.run(armored, "--decrypt")).isEqualTo(PLAINTEXT);
    }

    @Test
    void gpgDecryptsWhatWeEncryptToItsCurve25519Key() throws Exception {
        byte[] armored = new MessageEncryptor(new SecureRandom()).encrypt(PLAINTEXT,
                List.of(keys.publicKey(keys.curve)));

        assertThat(keys.gpg.run(armored, "--decrypt")).isEqualTo(PLAINTEXT);
    }

    @Test
    void everyRecipientCanDecrypt() throws Exception {
        byte[] armored = new MessageEncryptor(new SecureRandom()).encrypt(PLAINTEXT,
                List.of(keys.publicKey(keys.stranger), keys.publicKey(keys.curve)));

        DecryptionResult ours = new MessageDecryptor(keys.secretKeys, DecryptionLimits.DEFAULT, Clock.systemUTC())
                .decrypt(MailFixtures.pgpMime(armored));

        assertThat(ours.content()).isEqualTo(PLAINTEXT);
        assertThat(keys.gpg.run(armored, "--decrypt")).isEqualTo(PLAINTEXT);
    }

    @Test
    void refusesARecipientWithoutAnEncryptionKey() throws Exception {
        PGPPublicKeyRing full = keys.publicKey(keys.curve);
        PGPPublicKeyRing signOnly = new PGPPublicKeyRing(List.of(full.getPublicKey()));

        assertThatThrownBy(() -> new MessageEncryptor(new SecureRandom()).encrypt(PLAINTEXT, List.of(signOnly)))
                .isInstanceOf(NoEncryptionKeyException.class)
                .hasMessageContaining(keys.curve);
    }
}
