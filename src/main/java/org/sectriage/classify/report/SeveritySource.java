package org.sectriage.classify.report;

import java.util.Locale;

/** Where a classification's severity came from: a CVSS vector's score, or an estimate from the report's words. */
public enum SeveritySource {
    CVSS, ESTIMATE;

    /** The source's name as written in JSON, e.g. {@code estimate}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
