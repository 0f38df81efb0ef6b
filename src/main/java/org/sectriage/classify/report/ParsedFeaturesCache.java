package org.sectriage.classify.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The features of the cases compared most recently, kept as they were parsed from their stored form:
 * in a run of like reports, the same few cases are compared with each new one. It is keyed by the stored
 * form itself, so what it gives is always what is stored, whichever case the form is read from.
 */
public final class ParsedFeaturesCache implements ReportFeatures.StoredForm {

    private record Stored(String termsText, String locationsText) {
    }

    private final Map<Stored, ReportFeatures> parsed;

    /** A cache of the last {@code capacity} stored forms parsed. */
    public ParsedFeaturesCache(int capacity) {
        this.parsed = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Stored, ReportFeatures> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized ReportFeatures parse(String termsText, String locationsText, String vulnClass) {
        return parsed.computeIfAbsent(new Stored(termsText, locationsText),
                s -> ReportFeatures.parse(s.termsText(), s.locationsText(), null)).withVulnClass(vulnClass);
    }

    /** How many stored forms it holds; for tests. */
    synchronized int size() {
        return parsed.size();
    }

    /** Whether it holds this stored form, without counting as a use; for tests. */
    synchronized boolean holds(String termsText, String locationsText) {
        return parsed.containsKey(new Stored(termsText, locationsText));
    }
}
