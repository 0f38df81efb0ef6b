package org.sectriage.classify.report;

/**
 * A valid CVSS vector found in a report, with its base score and rating when they could be computed.
 * Scores are computed for CVSS 3.0 and 3.1 by us.springett:cvss-calculator; that library does not
 * implement CVSS 4.0, so a 4.0 vector is validated but carries no score or rating.
 *
 * @param vector   the vector as written, e.g. {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}
 * @param version  {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param score    the base score, or null when it is not computed
 * @param severity the rating of the score, or null when it is not computed
 */
public record CvssVector(String vector, String version, Double score, Severity severity) {

    /** True when the base score was computed. */
    public boolean isScored() {
        return score != null;
    }
}
