package org.sectriage.crypto;

import java.util.Locale;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.util.encoders.Hex;

/** Hexadecimal spellings of OpenPGP key identifiers and fingerprints, as GnuPG prints them. */
public final class KeyIds {

    private KeyIds() {
    }

    /** The fingerprint named by {@code id} in upper-case hex, or its 16-digit key id when it carries no fingerprint. */
    public static String hex(KeyIdentifier id) {
        if (id.isWildcard()) {
            return "0000000000000000 (hidden recipient)";
        }
        byte[] fingerprint = id.getFingerprint();
        if (fingerprint != null) {
            return Hex.toHexString(fingerprint).toUpperCase(Locale.ROOT);
        }
        return String.format(Locale.ROOT, "%016X", id.getKeyId());
    }

    /** The fingerprint of {@code key} in upper-case hex. */
    public static String fingerprint(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** The 16-digit key id of {@code key} in upper-case hex. */
    public static String keyId(PGPPublicKey key) {
        return String.format(Locale.ROOT, "%016X", key.getKeyIdentifier().getKeyId());
    }
}
