package org.sectriage.crypto;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/** The public keys whose signatures we recognise: maintainers' keys, known reporters' keys. */
public final class PublicKeySet {

    private final List<PGPPublicKeyRing> rings;

    /** A set of the given key rings. */
    public PublicKeySet(List<PGPPublicKeyRing> rings) {
        this.rings = List.copyOf(rings);
    }

    /** The key rings in this set. */
    public List<PGPPublicKeyRing> rings() {
        return rings;
    }

    /** The (sub)key matching one of {@code issuers} and the ring it belongs to, if this set has one. */
    Optional<KeyInRing> find(List<KeyIdentifier> issuers) {
        for (PGPPublicKeyRing ring : rings) {
            Iterator<PGPPublicKey> keys = ring.getPublicKeys();
            while (keys.hasNext()) {
                PGPPublicKey key = keys.next();
                for (KeyIdentifier issuer : issuers) {
                    if (!issuer.isWildcard() && issuer.matches(key.getKeyIdentifier())) {
                        return Optional.of(new KeyInRing(key, ring));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A signing (sub)key together with the certificate it belongs to. */
    record KeyInRing(PGPPublicKey key, PGPPublicKeyRing ring) {
    }

    /** This set with {@code more} rings added. */
    public PublicKeySet with(List<PGPPublicKeyRing> more) {
        List<PGPPublicKeyRing> all = new ArrayList<>(rings);
        all.addAll(more);
        return new PublicKeySet(all);
    }
}
