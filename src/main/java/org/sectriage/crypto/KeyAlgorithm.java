package org.sectriage.crypto;

/** The kinds of key pair {@link SecurityKeyGenerator} makes. */
public enum KeyAlgorithm {
    /** An Ed25519 signing primary key with an X25519 encryption subkey, in the v4 encoding GnuPG 2.2 reads. */
    CURVE25519,
    /** An RSA-3072 signing primary key with an RSA-3072 encryption subkey. */
    RSA_3072
}
