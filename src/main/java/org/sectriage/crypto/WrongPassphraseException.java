package org.sectriage.crypto;

/** A passphrase that does not unlock a secret key. */
public class WrongPassphraseException extends UnusableSecretKeyException {

    private final String keyId;

    /** Creates the exception for the (sub)key {@code keyId} of the ring with primary fingerprint {@code fingerprint}. */
    public WrongPassphraseException(String fingerprint, String keyId) {
        super(fingerprint, "the passphrase does not unlock secret key " + fingerprint
                + (fingerprint.endsWith(keyId) ? "" : " (subkey " + keyId + ")"));
        this.keyId = keyId;
    }

    /** The 16-digit id of the (sub)key that would not unlock. */
    public String keyId() {
        return keyId;
    }
}
