package org.sectriage.classify.report;

/**
 * A valid CVSS vector found in a report, with its score and rating. CVSS 3.0 and 3.1 vectors are scored
 * by us.springett:cvss-calculator (the base score); CVSS 4.0 vectors by metaeffekt's ae-security, with
 * FIRST's lookup of macro vectors, over every metric the vector gives (CVSS-B for a vector of base
 * metrics only, CVSS-BT or CVSS-BTE when it also gives threat or environmental metrics), as FIRST's
 * calculator scores it.
 *
 * @param vector   the vector as written, e.g. {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}
 * @param version  {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param score    the score, or null when it is not computed
 * @param severity the rating of the score, or null when it is not computed
 */
public record CvssVector(String vector, String version, Double score, Severity severity) {

    /** True when the score was computed. */
    public boolean isScored() {
        return score != null;
    }

    /** The vector with its score and rating, e.g. {@code CVSS:4.0/… (9.3 critical)}, or "(not scored)". */
    public String withScore() {
        return isScored()
                ? String.format(java.util.Locale.ROOT, "%s (%.1f %s)", vector, score, severity.label())
                : vector + " (not scored)";
    }
}
