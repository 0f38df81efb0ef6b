package org.sectriage.outbox;

/** An outgoing mail that is to be encrypted to a key that cannot encrypt (no encryption subkey, or revoked). */
public class UnencryptableMailException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String purpose;
    private final String fingerprint;

    /** Creates the exception for the {@code purpose} mail and the key with primary fingerprint {@code fingerprint}. */
    public UnencryptableMailException(String purpose, String fingerprint, Throwable cause) {
        super("cannot encrypt " + purpose + " mail: key " + fingerprint + " has no usable encryption key", cause);
        this.purpose = purpose;
        this.fingerprint = fingerprint;
    }

    /** What the mail was for, such as {@code maintainer-notification}. */
    public String purpose() {
        return purpose;
    }

    /** The fingerprint of the key that cannot encrypt. */
    public String fingerprint() {
        return fingerprint;
    }
}
