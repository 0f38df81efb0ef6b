package org.sectriage.crypto;

/** A secret key set without a key that may sign: no ring at all, or a first ring whose signing keys are unusable. */
public class NoSigningKeyException extends UnusableSecretKeyException {

    /** Creates the exception for the ring {@code fingerprint} (empty: the set holds no ring), explained by {@code why}. */
    public NoSigningKeyException(String fingerprint, String why) {
        super(fingerprint, fingerprint.isEmpty() ? "no secret key to sign with: " + why
                : "secret key " + fingerprint + " cannot sign: " + why);
    }
}
