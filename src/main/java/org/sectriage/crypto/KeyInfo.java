package org.sectriage.crypto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * A summary of one OpenPGP key ring, as {@code keys list} shows it.
 *
 * @param fingerprint the primary key's fingerprint in upper-case hex
 * @param userIds the user ids on the primary key
 * @param algorithm the primary key's algorithm name, with its size for RSA and DSA ("RSA-3072")
 * @param created when the primary key was made
 * @param expires when the primary key expires; null when it never does
 * @param hasSecretKey whether the secret key is present
 * @param subkeyFingerprints the fingerprints of the subkeys
 */
public record KeyInfo(String fingerprint, List<String> userIds, String algorithm, Instant created, Instant expires,
        boolean hasSecretKey, List<String> subkeyFingerprints) {

    /** Copies the lists. */
    public KeyInfo {
        userIds = List.copyOf(userIds);
        subkeyFingerprints = List.copyOf(subkeyFingerprints);
    }

    /** The summary of {@code ring}. */
    public static KeyInfo of(PGPKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        List<String> userIds = new ArrayList<>();
        primary.getUserIDs().forEachRemaining(userIds::add);
        List<String> subkeys = new ArrayList<>();
        Iterator<PGPPublicKey> keys = ring.getPublicKeys();
        while (keys.hasNext()) {
            PGPPublicKey key = keys.next();
            if (!key.isMasterKey()) {
                subkeys.add(KeyIds.fingerprint(key));
            }
        }
        Instant created = primary.getCreationTime().toInstant();
        long validSeconds = primary.getValidSeconds();
        return new KeyInfo(KeyIds.fingerprint(primary), userIds, algorithmName(primary), created,
                validSeconds > 0 ? created.plusSeconds(validSeconds) : null, ring instanceof PGPSecretKeyRing, subkeys);
    }

    private static String algorithmName(PGPPublicKey key) {
        return switch (key.getAlgorithm()) {
            case 1, 2, 3 -> "RSA-" + key.getBitStrength();
            case 17 -> "DSA-" + key.getBitStrength();
            case 18 -> "ECDH";
            case 19 -> "ECDSA";
            case 22 -> "EdDSA (legacy Ed25519)";
            case 25 -> "X25519";
            case 27 -> "Ed25519";
            case 28 -> "Ed448";
            default -> "algorithm " + key.getAlgorithm();
        };
    }
}
