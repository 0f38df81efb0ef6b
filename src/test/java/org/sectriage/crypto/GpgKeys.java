package org.sectriage.crypto;

import java.nio.file.Path;

import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Three keys made by real GnuPG for the tests: RSA and Curve25519 keys that security@ holds, and a stranger's key
 * that it does not.
 */
public final class GpgKeys implements AutoCloseable {

    public static final String RSA_USER = "Security RSA <security-rsa@example.org>";
    public static final String CURVE_USER = "Security Curve <security-curve@example.org>";
    public static final String STRANGER_USER = "Stranger <stranger@example.net>";

    public final GnuPg gpg;
    public final String rsa;
    public final String curve;
    public final String stranger;
    public final SecretKeySet secretKeys;

    private GpgKeys(GnuPg gpg) throws Exception {
        this.gpg = gpg;
        this.rsa = gpg.generateKey(RSA_USER, "rsa2048", "rsa2048");
        this.curve = gpg.generateKey(CURVE_USER, "ed25519", "cv25519");
        this.stranger = gpg.generateKey(STRANGER_USER, "ed25519", "cv25519");
        char[] passphrase = GnuPg.PASSPHRASE.toCharArray();
        this.secretKeys = SecretKeySet.empty().with(gpg.secretKey(rsa), passphrase)
                .with(gpg.secretKey(curve), passphrase);
    }

    /** Generates the keys in a fresh GnuPG home under {@code parent}. */
    public static GpgKeys generate(Path parent) throws Exception {
        return new GpgKeys(GnuPg.inTemporaryHome(parent));
    }

    /** The public key ring of {@code fingerprint}. */
    public PGPPublicKeyRing publicKey(String fingerprint) throws Exception {
        return gpg.publicKey(fingerprint);
    }

    @Override
    public void close() {
        gpg.close();
    }
}
