package org.sectriage.crypto;

/** A recipient's certificate that holds no key usable for encryption. */
public class NoEncryptionKeyException extends Exception {

    private final String fingerprint;

    /** Creates the exception for the certificate with primary key fingerprint {@code fingerprint}. */
    public NoEncryptionKeyException(String fingerprint) {
        super("key " + fingerprint + " has no usable encryption key");
        this.fingerprint = fingerprint;
    }

    /** The fingerprint of the certificate without an encryption key. */
    public String fingerprint() {
        return fingerprint;
    }
}
