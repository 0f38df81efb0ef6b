package org.sectriage.crypto;

/** The kinds of key pair {@link SecurityKeyGenerator} makes. */
public enum KeyAlgorithm {
    /** An Ed25519 signing primary key with an X25519 encryption subkey, in the v4 encoding GnuPG 2.2 reads. */
    CURVE25519,
    /** An RSA-3072 signing primary key with an RSA-3072 encryption subkey. */
    RSA_3072,
    /** An RSA-4096 signing primary key with an RSA-4096 encryption subkey. */
    RSA_4096;

    /** The RSA modulus size in bits; 0 for elliptic curve keys. */
    int rsaBits() {
        return switch (this) {
            case CURVE25519 -> 0;
            case RSA_3072 -> 3072;
            case RSA_4096 -> 4096;
        };
    }
}
