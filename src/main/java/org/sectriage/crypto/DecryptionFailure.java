package org.sectriage.crypto;

/** Why an OpenPGP-encrypted message could not, or must not, be decrypted. */
public enum DecryptionFailure {
    /** None of the configured secret keys is a recipient of the message. */
    NO_MATCHING_KEY,
    /** The OpenPGP data is malformed, truncated or otherwise unreadable. */
    CORRUPT_DATA,
    /** The modification detection code or AEAD tag did not match: the ciphertext was altered. */
    INTEGRITY_CHECK_FAILED,
    /** The message has no integrity protection (no MDC, no AEAD) and is refused (EFAIL class). */
    NO_INTEGRITY_PROTECTION,
    /** The message uses an obsolete 64-bit block cipher (IDEA, 3DES, CAST5, Blowfish) or worse. */
    OBSOLETE_CIPHER,
    /** A compressed packet inflated past the size limit, or compression was nested. */
    COMPRESSION_BOMB,
    /** Decryption took longer than the per-message time limit. */
    TIME_LIMIT_EXCEEDED
}
