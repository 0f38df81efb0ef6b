package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key generation, storage, import, listing and export, checked against real GnuPG. */
class KeyRingDirectoryTest {

    private static final char[] PASSPHRASE = "generated-key-passphrase".toCharArray();

    @TempDir
    Path temp;

    @Test
    void writesAGeneratedSecretKeyReadableByItsOwnerOnly() throws Exception {
        PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                "Example Security <security@example.org>", KeyAlgorithm.CURVE25519, PASSPHRASE, new Date());
        KeyRingDirectory directory = new KeyRingDirectory(temp.resolve("keys"));

        Path file = directory.addSecret(ring);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
        assertThatThrownBy(() -> directory.addSecret(ring)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void listsAndExportsKeysWithFingerprints() throws Exception {
        PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                "Example Security <security@example.org>", KeyAlgorithm.CURVE25519, PASSPHRASE, new Date());
        KeyRingDirectory directory = new KeyRingDirectory(temp.resolve("keys"));
        directory.addSecret(ring);
        String fingerprint = KeyIds.fingerprint(ring.getPublicKey());

        List<KeyInfo> listed = directory.list();
        String exported = directory.exportPublic(fingerprint).orElseThrow();

        assertThat(listed).singleElement().satisfies(key -> {
            assertThat(key.fingerprint()).isEqualTo(fingerprint).hasSize(40);
            assertThat(key.userIds()).containsExactly("Example Security <security@example.org>");
            assertThat(key.hasSecretKey()).isTrue();
            assertThat(key.subkeyFingerprints()).hasSize(1);
        });
        assertThat(exported).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                .doesNotContain("PRIVATE");
        assertThat(directory.exportPublic("0000")).isEmpty();
    }

    @Test
    void importsArmoredPublicAndSecretKeyFiles() throws Exception {
        PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                "Maintainer <alice@example.org>", KeyAlgorithm.CURVE25519, PASSPHRASE, new Date());
        Path publicFile = temp.resolve("alice.asc");
        Files.writeString(publicFile, KeyFiles.armor(KeyFiles.publicPart(ring)));
        Path secretFile = temp.resolve("alice-secret.asc");
        KeyFiles.writeSecretKeyRing(secretFile, ring);
        KeyRingDirectory publicOnly = new KeyRingDirectory(temp.resolve("public"));
        KeyRingDirectory withSecret = new KeyRingDirectory(temp.resolve("secret"));

        publicOnly.importFile(publicFile);
        withSecret.importFile(secretFile);

        assertThat(publicOnly.list()).singleElement().satisfies(k -> assertThat(k.hasSecretKey()).isFalse());
        assertThat(withSecret.list()).singleElement().satisfies(k -> assertThat(k.hasSecretKey()).isTrue());
    }

    @Test
    void aKeyStoredAsPublicAndAsSecretIsListedOnceAsSecret() throws Exception {
        PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                "Maintainer <alice@example.org>", KeyAlgorithm.CURVE25519, PASSPHRASE, new Date());
        Path publicFile = temp.resolve("alice.asc");
        Files.writeString(publicFile, KeyFiles.armor(KeyFiles.publicPart(ring)));
        KeyRingDirectory directory = new KeyRingDirectory(temp.resolve("keys"));

        directory.importFile(publicFile);
        directory.addSecret(ring);

        assertThat(directory.list()).singleElement().satisfies(k -> assertThat(k.hasSecretKey()).isTrue());
        assertThat(directory.rings()).singleElement().isInstanceOf(PGPSecretKeyRing.class);
    }

    @Test
    void listsTheAlgorithmWithItsSizeAndWhenAKeyExpires() throws Exception {
        try (GnuPg gpg = GnuPg.inTemporaryHome(temp)) {
            gpg.run(new byte[0], "--quick-gen-key", "Expiring <expiring@example.org>", "rsa2048", "sign", "2y");
            Path file = temp.resolve("expiring.asc");
            gpg.exportPublicKey("expiring@example.org", file);
            KeyRingDirectory directory = new KeyRingDirectory(temp.resolve("keys"));

            directory.importFile(file);

            assertThat(directory.list()).singleElement().satisfies(key -> {
                assertThat(key.algorithm()).isEqualTo("RSA-2048");
                assertThat(key.expires()).isAfter(key.created().plus(java.time.Duration.ofDays(700)))
                        .isBefore(key.created().plus(java.time.Duration.ofDays(740)));
            });
        }
    }

    @Test
    void refusesAFileThatHoldsNoKey() throws Exception {
        Path notAKey = temp.resolve("notes.txt");
        Files.writeString(notAKey, "hello");

        assertThatThrownBy(() -> new KeyRingDirectory(temp.resolve("k")).importFile(notAKey))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessageContaining("notes.txt");
    }

    @Test
    void gpgEncryptsToOurGeneratedCurve25519KeyAndWeDecryptWithItsFiles() throws Exception {
        assertRoundTripThroughGpg(KeyAlgorithm.CURVE25519);
    }

    @Test
    void gpgEncryptsToOurGeneratedRsaKeyAndWeDecryptWithItsFiles() throws Exception {
        assertRoundTripThroughGpg(KeyAlgorithm.RSA_3072);
    }

    private void assertRoundTripThroughGpg(KeyAlgorithm algorithm) throws Exception {
        PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                "Project Security <security@example.org>", algorithm, PASSPHRASE, new Date());
        KeyRingDirectory directory = new KeyRingDirectory(temp.resolve("keys"));
        Path secretFile = directory.addSecret(ring);
        Path passphraseFile = temp.resolve("passphrase");
        Files.writeString(passphraseFile, new String(PASSPHRASE) + "\n");
        String fingerprint = KeyIds.fingerprint(ring.getPublicKey());

        try (GnuPg gpg = GnuPg.inTemporaryHome(temp)) {
            gpg.importKey(directory.exportPublic(fingerprint).orElseThrow().getBytes(StandardCharsets.US_ASCII));
            byte[] encrypted = gpg.run("for the project key".getBytes(StandardCharsets.UTF_8),
                    "--armor", "--recipient", fingerprint, "--encrypt");
            SecretKeySet keys = SecretKeySet.empty().withFiles(secretFile, passphraseFile);

            DecryptionResult result = new MessageDecryptor(keys, DecryptionLimits.DEFAULT, Clock.systemUTC())
                    .decrypt(MailFixtures.pgpMime(encrypted));

            assertThat(result.status()).as(result.detail()).isEqualTo(DecryptionResult.Status.DECRYPTED);
            assertThat(result.content()).isEqualTo("for the project key".getBytes(StandardCharsets.UTF_8));
        }
    }
}
