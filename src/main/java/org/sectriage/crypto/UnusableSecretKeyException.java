package org.sectriage.crypto;

/** A configured secret key that cannot be used for what it is needed for; names the key by its fingerprint. */
public abstract class UnusableSecretKeyException extends Exception {

    private final String fingerprint;

    /** Creates the exception for the key ring with primary key fingerprint {@code fingerprint}. */
    protected UnusableSecretKeyException(String fingerprint, String message) {
        super(message);
        this.fingerprint = fingerprint;
    }

    /** The primary key fingerprint of the unusable key ring; empty when no key ring was given at all. */
    public String fingerprint() {
        return fingerprint;
    }
}
