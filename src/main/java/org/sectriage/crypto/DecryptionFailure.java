package org.sectriage.crypto;

/** Why an OpenPGP-encrypted message could not, or must not, be decrypted. */
public enum DecryptionFailure {
    /** None of the configured secret keys is a recipient of the message. */
    NO_MATCHING_KEY,
    /** The OpenPGP data is malformed, truncated or otherwise unreadable. */
    CORRUPT_DATA,
    /** The OpenPGP message holds no encrypted data: it is only signed (gpg --sign) or stored (gpg --store). */
    NOT_ENCRYPTED,
    /** The modification detection code or AEAD tag did not match: the ciphertext was altered. */
    INTEGRITY_CHECK_FAILED,
    /** The message has no integrity protection (no MDC, no AEAD) and is refused (EFAIL class). */
    NO_INTEGRITY_PROTECTION,
    /** The message uses an obsolete 64-bit block cipher (IDEA, 3DES, CAST5, Blowfish) or worse. */
    OBSOLETE_CIPHER,
    /** A compressed packet inflated past the size limit, or compression was nested. */
    COMPRESSION_BOMB,
    /** Decryption took longer than the per-message time limit. */
    TIME_LIMIT_EXCEEDED;

    /** What went wrong, as a reporter can read it, e.g. "its integrity check failed: ...". */
    public String explanation() {
        return switch (this) {
            case NO_MATCHING_KEY -> "it was not encrypted to any of our keys";
            case CORRUPT_DATA -> "the encrypted data is damaged or incomplete";
            case NOT_ENCRYPTED -> "it holds no encrypted data: it is signed or stored, not encrypted";
            case INTEGRITY_CHECK_FAILED -> "its integrity check failed: the encrypted data was altered on the way";
            case NO_INTEGRITY_PROTECTION -> "it has no integrity protection (no MDC), which we refuse to read for"
                    + " your safety (the EFAIL attacks); current OpenPGP programs add it by themselves";
            case OBSOLETE_CIPHER -> "it uses an obsolete cipher with 64-bit blocks (such as CAST5 or 3DES),"
                    + " which we refuse; current OpenPGP programs use AES";
            case COMPRESSION_BOMB -> "its compressed content grows larger than we accept, or is compressed twice";
            case TIME_LIMIT_EXCEEDED -> "decrypting it took longer than we allow for one message";
        };
    }
}
