package org.sectriage.classify.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metaeffekt.core.security.cvss.v4P0.Cvss4P0;
import us.springett.cvss.Cvss;
import us.springett.cvss.MalformedVectorException;

/**
 * Finds the first valid CVSS 3.0, 3.1 or 4.0 vector in a text and scores it: 3.x with
 * us.springett:cvss-calculator, 4.0 with metaeffekt's ae-security (see {@link CvssVector}). Malformed
 * vectors are passed over.
 */
public final class CvssVectorFinder {

    private static final Pattern VECTOR =
            Pattern.compile("CVSS:(3\\.0|3\\.1|4\\.0)((?:/[A-Za-z]{1,3}:[A-Za-z]{1,5})+)");

    /** The first valid vector in {@code text}; empty when there is none. */
    public Optional<CvssVector> find(CharSequence text) {
        Matcher m = VECTOR.matcher(text);
        while (m.find()) {
            Optional<CvssVector> vector = parse(m.group(), m.group(1));
            if (vector.isPresent()) {
                return vector;
            }
        }
        return Optional.empty();
    }

    private static Optional<CvssVector> parse(String vector, String version) {
        if ("4.0".equals(version)) {
            if (!Cvss4Metrics.isValid(vector)) {
                return Optional.empty();
            }
            double score = new Cvss4P0(vector).getOverallScore();
            return Optional.of(new CvssVector(vector, version, score, Severity.ofCvssScore(score)));
        }
        try {
            Cvss cvss = Cvss.fromVector(vector);
            if (cvss == null) {
                return Optional.empty();
            }
            double score = cvss.calculateScore().getBaseScore();
            return Optional.of(new CvssVector(vector, version, score, Severity.ofCvssScore(score)));
        } catch (MalformedVectorException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
