package org.sectriage.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The messages of the watched folder that the server would not hand over (a {@code NO} or {@code BYE}
 * to their FETCH, or no content), so that one of them does not stop all others from being taken in.
 * A message in a batch that failed is fetched alone from then on; one that failed alone
 * {@value #STRIKES} times is set aside for {@link #SET_ASIDE}, then tried again. It is never removed: it
 * stays in the folder until the server hands it over. Kept in memory, by UID within a UIDVALIDITY.
 */
final class UnfetchableMessages {

    /** Failures of a message fetched alone before it is set aside. */
    static final int STRIKES = 3;
    /** How long a message is left alone after its last strike. */
    static final Duration SET_ASIDE = Duration.ofHours(1);

    private record Key(long uidValidity, long uid) {
    }

    private final Map<Key, Integer> strikes = new HashMap<>();
    private final Map<Key, Instant> setAsideUntil = new HashMap<>();
    private final Set<Key> fetchAlone = new HashSet<>();

    /** Whether the message is set aside at {@code now}. */
    boolean isSetAside(long uidValidity, long uid, Instant now) {
        Instant until = setAsideUntil.get(new Key(uidValidity, uid));
        return until != null && now.isBefore(until);
    }

    /** Whether the message was in a batch that failed, and is to be fetched on its own. */
    boolean fetchAlone(long uidValidity, long uid) {
        return fetchAlone.contains(new Key(uidValidity, uid));
    }

    /** How many times the message failed alone since it was last set aside; 0 for most. */
    int strikes(long uidValidity, long uid) {
        return strikes.getOrDefault(new Key(uidValidity, uid), 0);
    }

    /** Records that a batch holding these messages failed: each is fetched alone from now on. */
    void batchFailed(long uidValidity, Collection<Long> uids) {
        uids.forEach(uid -> fetchAlone.add(new Key(uidValidity, uid)));
    }

    /**
     * Records that the message, fetched alone, failed; returns true when this was its last strike
     * and it is now set aside until {@code now} plus {@link #SET_ASIDE}.
     */
    boolean failedAlone(long uidValidity, long uid, Instant now) {
        Key key = new Key(uidValidity, uid);
        fetchAlone.add(key);
        int count = strikes.merge(key, 1, Integer::sum);
        if (count < STRIKES) {
            return false;
        }
        strikes.remove(key);
        setAsideUntil.put(key, now.plus(SET_ASIDE));
        return true;
    }

    /** Forgets the message: it was handed over, or is no longer in the folder. */
    void forget(long uidValidity, long uid) {
        Key key = new Key(uidValidity, uid);
        strikes.remove(key);
        setAsideUntil.remove(key);
        fetchAlone.remove(key);
    }

    /** Forgets every message of the folder that is not among {@code present} (expunged, or moved by another client). */
    void retainOnly(long uidValidity, Set<Long> present) {
        java.util.function.Predicate<Key> gone = k -> k.uidValidity() != uidValidity || !present.contains(k.uid());
        strikes.keySet().removeIf(gone);
        setAsideUntil.keySet().removeIf(gone);
        fetchAlone.removeIf(gone);
    }
}
