package org.sectriage.advisory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sectriage.classify.report.CvssVector;
import org.sectriage.classify.report.Severity;
import org.sectriage.domain.CaseId;

/**
 * Everything a draft advisory says about one case, as plain data. Anything not known yet may be
 * missing (null or empty): the advisory is written all the same, and says what is still open.
 *
 * @param title            one line naming the vulnerability; required
 * @param summary          a sentence or two for readers in a hurry, or null
 * @param description      the details (Markdown is fine), or null
 * @param cwes             CWE ids, e.g. 22 for CWE-22; the first is the main one
 * @param cvss             the CVSS vector with its score, or null
 * @param severity         the team's severity, or null to use the CVSS rating
 * @param affectedVersions versions known to be affected, as written
 * @param fixedVersion     the first version with the fix, or null
 * @param credits          names to credit; only those who agreed (see {@code Credit#nameToPublish})
 * @param openedAt         when the report arrived; required
 * @param fixedAt          when the fix was released, or null
 * @param publishedAt      when the advisory was or will be published, or null
 */
public record AdvisoryCase(CaseId id, String title, String summary, String description, List<Integer> cwes,
                           CvssVector cvss, Severity severity, List<String> affectedVersions,
                           String fixedVersion, List<String> credits, Instant openedAt, Instant fixedAt,
                           Instant publishedAt) {

    public AdvisoryCase {
        Objects.requireNonNull(id, "id");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an advisory needs a title (case " + id + ")");
        }
        title = title.strip();
        summary = blankToNull(summary);
        description = blankToNull(description);
        cwes = List.copyOf(cwes);
        affectedVersions = affectedVersions.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        fixedVersion = blankToNull(fixedVersion);
        credits = credits.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /** A builder for the advisory of case {@code id}, titled {@code title}, reported at {@code openedAt}. */
    public static Builder builder(CaseId id, String title, Instant openedAt) {
        return new Builder(id, title, openedAt);
    }

    /** The severity to publish: the team's, else the rating of a scored CVSS vector. */
    public Optional<Severity> effectiveSeverity() {
        if (severity != null && severity != Severity.NONE) {
            return Optional.of(severity);
        }
        return Optional.ofNullable(cvss).map(CvssVector::severity);
    }

    /** The CVSS vector when it is scored. */
    Optional<CvssVector> scoredCvss() {
        return Optional.ofNullable(cvss).filter(CvssVector::isScored);
    }

    /** The CVSS vector when it is a scored 3.0 or 3.1 one, the versions CSAF 2.0 has a place for. */
    Optional<CvssVector> cvss3() {
        return scoredCvss().filter(v -> v.version().startsWith("3."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Fills an {@link AdvisoryCase} one known fact at a time. */
    public static final class Builder {
        private final CaseId id;
        private final String title;
        private final Instant openedAt;
        private String summary;
        private String description;
        private List<Integer> cwes = List.of();
        private CvssVector cvss;
        private Severity severity;
        private List<String> affectedVersions = List.of();
        private String fixedVersion;
        private List<String> credits = List.of();
        private Instant fixedAt;
        private Instant publishedAt;

        private Builder(CaseId id, String title, Instant openedAt) {
            this.id = id;
            this.title = title;
            this.openedAt = openedAt;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder cwes(List<Integer> cwes) {
            this.cwes = cwes;
            return this;
        }

        public Builder cvss(CvssVector cvss) {
            this.cvss = cvss;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder affectedVersions(List<String> versions) {
            this.affectedVersions = versions;
            return this;
        }

        public Builder fixed(String version, Instant at) {
            this.fixedVersion = version;
            this.fixedAt = at;
            return this;
        }

        public Builder credits(List<String> credits) {
            this.credits = credits;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        public AdvisoryCase build() {
            return new AdvisoryCase(id, title, summary, description, cwes, cvss, severity, affectedVersions,
                    fixedVersion, credits, openedAt, fixedAt, publishedAt);
        }
    }
}
