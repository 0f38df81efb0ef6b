package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Duplicate detection points out reports of the same bug and leaves unrelated ones alone. */
class DuplicateFinderTest {

    private static final String XSS = "Stored cross-site scripting in the comment form: comments are rendered in"
            + " src/views/comment.html without escaping, so an attacker posts <script>alert(1)</script>.";
    private static final String SAME_XSS_OTHER_WORDS = "The comment form allows stored XSS. The template"
            + " src/views/comment.html prints the comment without escaping; posting <script>alert(1)</script> runs"
            + " script for every visitor.";
    private static final String SQLI = "SQL injection in the search endpoint: GET /api/search?q=' OR 1=1 returns"
            + " every row of the users table, including password hashes.";

    private final DuplicateFinder finder = new DuplicateFinder(0.5);

    @Test
    void theSameBugInOtherWordsAndTheSameFileIsALikelyDuplicate() {
        ReportFeatures first = ReportFeatures.of(XSS, "xss");
        ReportFeatures second = ReportFeatures.of(SAME_XSS_OTHER_WORDS, "xss");

        assertThat(finder.find(second, Map.of("SEC-2026-0001", first)))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.caseId()).isEqualTo("SEC-2026-0001");
                    assertThat(d.score()).isGreaterThanOrEqualTo(0.5).isLessThanOrEqualTo(1.0);
                    assertThat(d.reasons()).contains("1 shared code location").contains("same class xss");
                });
    }

    @Test
    void anUnrelatedReportIsNotPointedOut() {
        assertThat(finder.find(ReportFeatures.of(SQLI, "sqli"), Map.of("SEC-2026-0001", ReportFeatures.of(XSS, "xss"))))
                .isEmpty();
    }

    @Test
    void identicalReportsScoreOneAndAreListedMostSimilarFirst() {
        ReportFeatures report = ReportFeatures.of(XSS, "xss");
        var found = finder.find(report, Map.of(
                "SEC-2026-0001", ReportFeatures.of(SAME_XSS_OTHER_WORDS, "xss"),
                "SEC-2026-0002", ReportFeatures.of(XSS, "xss")));

        assertThat(found).extracting(LikelyDuplicate::caseId).containsExactly("SEC-2026-0002", "SEC-2026-0001");
        assertThat(found.get(0).score()).isEqualTo(1.0);
    }

    @Test
    void storedFeaturesReadBackAsTheSameFeaturesAndHoldNoReportWords() {
        ReportFeatures f = ReportFeatures.of(XSS, "xss");

        ReportFeatures back = ReportFeatures.parse(f.termsText(), f.locationsText(), "xss");

        assertThat(DuplicateFinder.compare("SEC-2026-0001", f, back).score()).isEqualTo(1.0);
        assertThat(f.termsText() + f.locationsText()).doesNotContain("comment").doesNotContain("views");
    }

    @Test
    void reportsOfTheSameBugShareACandidateKeyAndUnrelatedOnesDoNot() {
        Set<Long> xss = new HashSet<>(ReportFeatures.of(XSS, "xss").candidateKeys());
        Set<Long> sameXss = new HashSet<>(ReportFeatures.of(SAME_XSS_OTHER_WORDS, "xss").candidateKeys());
        Set<Long> sqli = new HashSet<>(ReportFeatures.of(SQLI, "sqli").candidateKeys());

        assertThat(sameXss).containsAnyElementsOf(xss);
        assertThat(sqli).doesNotContainAnyElementsOf(xss);
    }

    @Test
    void aReportNamingHundredsOfFilesKeepsTheFirstFewHundred() {
        StringBuilder text = new StringBuilder("Path traversal in each of these files:");
        for (int i = 0; i < 400; i++) {
            text.append(" src/module").append(i).append("/handler.c");
        }

        ReportFeatures f = ReportFeatures.of(text.toString(), "path-traversal");

        assertThat(f.locations()).hasSize(ReportFeatures.MAX_LOCATIONS);
        assertThat(f.locationsText().length()).isLessThanOrEqualTo(4000);
    }

    @Test
    void storedFeaturesCutAtTheirColumnsWidthReadBackWithoutTheCutPairAndGiveKeys() {
        ReportFeatures f = ReportFeatures.of(XSS, "xss");
        String terms = f.termsText();
        String locations = f.locationsText();

        ReportFeatures back = ReportFeatures.parse(terms.substring(0, terms.length() - 3) + "…",
                locations + " ab12…", "xss");

        assertThat(back.terms()).hasSize(f.terms().size() - 1);
        assertThat(back.locations()).isEqualTo(f.locations());
        assertThat(back.candidateKeys()).isNotEmpty();
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new DuplicateFinder(1.5)).hasMessageContaining("between 0 and 1");
    }
}
