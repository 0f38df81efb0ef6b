package org.sectriage.classify.report;

import java.util.Locale;

/**
 * Where a case's severity came from: a CVSS vector's score, an estimate from the report's words, or a
 * maintainer who set it.
 */
public enum SeveritySource {
    CVSS, ESTIMATE, MAINTAINER;

    /** The source's name as written in JSON, e.g. {@code estimate}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source labelled {@code label}, e.g. {@code cvss}. */
    public static SeveritySource fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
}
