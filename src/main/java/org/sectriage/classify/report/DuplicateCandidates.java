package org.sectriage.classify.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Where a new report's likely duplicates are looked for: under each {@linkplain
 * ReportFeatures#candidateKeys() candidate key} (a MinHash band of a report's words, or a code location
 * it names), the latest few cases whose report has it. A new report is then compared with those cases
 * only, not with every case.
 *
 * <p>It is held in memory and built again, from the stored features of the cases, when the
 * daemon starts: a look-up costs a hash-map probe per key instead of a database query per key, and
 * nothing but the features is stored. A key under which one case is found holds that case's id
 * itself; only a key shared by several holds an array, of at most {@code perKey} ids. At most
 * {@code keysKept} keys are held, so that a daemon that runs for years, or is flooded, does not grow
 * without end: past that, the key neither filed under nor looked up for the longest is forgotten.
 */
public final class DuplicateCandidates {

    private final int perKey;
    /** Key to the case id, or to an array of case ids, oldest first, whose unused tail is null; least recently used first. */
    private final Map<Long, Object> byKey;

    /** An index that keeps the latest {@code perKey} cases under each of at most {@code keysKept} keys. */
    public DuplicateCandidates(int perKey, int keysKept) {
        if (perKey < 1) {
            throw new IllegalArgumentException("at least one case per key is kept, got " + perKey);
        }
        if (keysKept < 1) {
            throw new IllegalArgumentException("at least one key is kept, got " + keysKept);
        }
        this.perKey = perKey;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
                return size() > keysKept;
            }
        };
    }

    /** How many keys are held; never more than the {@code keysKept} it was made with. */
    public synchronized int keys() {
        return byKey.size();
    }

    /** Files case {@code caseId} under each of {@code keys}; the case is then the latest under them. */
    public synchronized void add(String caseId, List<Long> keys) {
        for (long key : new LinkedHashSet<>(keys)) {
            byKey.merge(key, caseId, (held, id) -> appended(held, (String) id));
        }
    }

    /**
     * The cases filed under any of {@code keys}, at most {@code atMost}: those under the most of the keys
     * first (two reports share a MinHash band the more likely, the more of their words they share), among
     * equals the one found first, taking the keys in their order and under each the latest case first. So
     * the work of comparing stays bounded when a flood of like reports shares every key.
     */
    public synchronized List<String> find(List<Long> keys, int atMost) {
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (long key : new LinkedHashSet<>(keys)) {
            Object held = byKey.get(key);
            if (held instanceof String id) {
                shared.merge(id, 1, Integer::sum);
            } else if (held instanceof String[] ids) {
                for (int i = ids.length - 1; i >= 0; i--) {
                    if (ids[i] != null) {
                        shared.merge(ids[i], 1, Integer::sum);
                    }
                }
            }
        }
        List<String> found = new ArrayList<>(shared.keySet());
        // List.sort is stable: among equals the one found first stays first
        found.sort(Comparator.comparingInt((String id) -> shared.get(id)).reversed());
        return found.size() > atMost ? List.copyOf(found.subList(0, atMost)) : List.copyOf(found);
    }

    private Object appended(Object held, String id) {
        if (held instanceof String first) {
            if (first.equals(id) || perKey == 1) {
                return id;
            }
            String[] ids = new String[Math.min(perKey, 4)];
            ids[0] = first;
            ids[1] = id;
            return ids;
        }
        String[] ids = (String[]) held;
        int used = 0;
        while (used < ids.length && ids[used] != null) {
            used++;
        }
        if (used > 0 && ids[used - 1].equals(id)) {
            return ids;
        }
        if (used < ids.length) {
            ids[used] = id;
            return ids;
        }
        if (ids.length < perKey) {
            String[] grown = Arrays.copyOf(ids, Math.min(perKey, ids.length * 2));
            grown[used] = id;
            return grown;
        }
        System.arraycopy(ids, 1, ids, 0, ids.length - 1); // the oldest goes
        ids[ids.length - 1] = id;
        return ids;
    }
}
