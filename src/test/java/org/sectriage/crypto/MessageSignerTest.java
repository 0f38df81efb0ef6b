package org.sectriage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;

import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detached signatures we make, real GnuPG verifies. */
class MessageSignerTest {

    private static final byte[] DATA = "Thank you for your report.\r\nÜnïcödé, and a line\r\n".getBytes(
            StandardCharsets.UTF_8);
    private static final char[] PASSPHRASE = GnuPg.PASSPHRASE.toCharArray();

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
    void gpgVerifiesABinarySignatureByAnRsaKey() throws Exception {
        MessageSigner signer = signer(keys.rsa);

        String status = keys.gpg.verifyDetached(DATA, signer.sign(DATA, MessageSigner.DataKind.BINARY));

        assertThat(status).contains("GOODSIG", "VALIDSIG " + keys.rsa);
        assertThat(signer.signerFingerprint()).isEqualTo(keys.rsa);
    }

    @Test
    void gpgVerifiesAnArmoredSignatureByAnEd25519Key() throws Exception {
        String armored = signer(keys.curve).signArmored(DATA, MessageSigner.DataKind.BINARY);

        assertThat(armored).startsWith("-----BEGIN PGP SIGNATURE-----");
        assertThat(keys.gpg.verifyDetached(DATA, armored.getBytes(StandardCharsets.US_ASCII)))
                .contains("GOODSIG", "VALIDSIG " + keys.curve);
    }

    @Test
    void aTextSignatureStillVerifiesWhenTheLineEndingsBecomeLf() throws Exception {
        byte[] signature = signer(keys.curve).sign(DATA, MessageSigner.DataKind.TEXT);
        byte[] unix = new String(DATA, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(keys.gpg.verifyDetached(unix, signature)).contains("GOODSIG");
    }

    @Test
    void signaturesUseSha512() throws Exception {
        MessageSigner signer = signer(keys.rsa);

        String status = keys.gpg.verifyDetached(DATA, signer.sign(DATA, MessageSigner.DataKind.BINARY));

        // VALIDSIG fields: fingerprint, date, timestamp, expiry, version, reserved, pubkey algo, hash algo (10)
        assertThat(status.lines().filter(l -> l.contains("VALIDSIG")).findFirst().orElseThrow().split(" ")[9])
                .isEqualTo("10");
        assertThat(signer.micalg()).isEqualTo("pgp-sha512");
    }

    @Test
    void gpgVerifiesSignaturesByTheKeysWeGenerate() throws Exception {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            PGPSecretKeyRing ring = new SecurityKeyGenerator(new SecureRandom()).generate(
                    "Project Security <security@example.org>", algorithm, PASSPHRASE, new Date());
            keys.gpg.importKey(KeyFiles.armor(KeyFiles.publicPart(ring)).getBytes(StandardCharsets.US_ASCII));
            MessageSigner signer = new MessageSigner(SecretKeySet.empty().with(ring, PASSPHRASE), Clock.systemUTC());

            assertThat(keys.gpg.verifyDetached(DATA, signer.sign(DATA, MessageSigner.DataKind.TEXT)))
                    .as(algorithm.name()).contains("VALIDSIG " + KeyIds.fingerprint(ring.getPublicKey()));
        }
    }

    @Test
    void signsWithTheSigningSubkeyWhenThePrimaryKeyOnlyCertifies() throws Exception {
        String fingerprint = certifyingKeyWithSubkey("Subkey Signer <subkey-signer@example.org>", "ed25519", "sign");
        MessageSigner signer = new MessageSigner(
                SecretKeySet.empty().with(keys.gpg.secretKey(fingerprint), PASSPHRASE), Clock.systemUTC());

        String status = keys.gpg.verifyDetached(DATA, signer.sign(DATA, MessageSigner.DataKind.BINARY));

        String[] validSig = status.lines().filter(l -> l.contains("VALIDSIG")).findFirst().orElseThrow().split(" ");
        assertThat(status).contains("GOODSIG");
        assertThat(validSig[2]).as("the signing key").isNotEqualTo(fingerprint);
        assertThat(validSig[validSig.length - 1]).as("its primary key").isEqualTo(fingerprint);
        assertThat(signer.signerFingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void aKeyThatCannotSignIsNamedInTheError() throws Exception {
        String fingerprint = certifyingKeyWithSubkey("Encrypt Only <encrypt-only@example.org>", "cv25519", "encr");
        SecretKeySet set = SecretKeySet.empty().with(keys.gpg.secretKey(fingerprint), PASSPHRASE);

        assertThatThrownBy(() -> new MessageSigner(set, Clock.systemUTC()))
                .isInstanceOf(NoSigningKeyException.class)
                .hasMessageContaining(fingerprint)
                .satisfies(e -> assertThat(((NoSigningKeyException) e).fingerprint()).isEqualTo(fingerprint));
    }

    @Test
    void anEmptySetHasNoSigningKey() {
        assertThatThrownBy(() -> new MessageSigner(SecretKeySet.empty(), Clock.systemUTC()))
                .isInstanceOf(NoSigningKeyException.class)
                .hasMessageContaining("no secret key");
    }

    @Test
    void aWrongPassphraseIsReportedWithTheKeyFingerprint() throws Exception {
        SecretKeySet set = SecretKeySet.empty().with(keys.gpg.secretKey(keys.curve), "wrong".toCharArray());

        assertThatThrownBy(() -> new MessageSigner(set, Clock.systemUTC()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase")
                .hasMessageContaining(keys.curve);
    }

    /** A new gpg key for {@code user} whose primary key only certifies, with one subkey for {@code usage}. */
    private static String certifyingKeyWithSubkey(String user, String subkeyAlgorithm, String usage) throws Exception {
        keys.gpg.run(new byte[0], "--quick-gen-key", user, "ed25519", "cert", "never");
        String fingerprint = keys.gpg.fingerprint(user);
        keys.gpg.run(new byte[0], "--quick-add-key", fingerprint, subkeyAlgorithm, usage, "never");
        return fingerprint;
    }

    private static MessageSigner signer(String fingerprint) throws Exception {
        return new MessageSigner(SecretKeySet.empty().with(keys.gpg.secretKey(fingerprint), PASSPHRASE),
                Clock.systemUTC());
    }
}
