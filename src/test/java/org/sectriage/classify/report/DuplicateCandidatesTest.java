package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The candidates for a new report are the latest cases filed under any of its keys, a bounded number per key. */
class DuplicateCandidatesTest {

    private final DuplicateCandidates candidates = new DuplicateCandidates(3, 1_000);

    @Test
    void aCaseIsFoundUnderEachOfItsKeysAndNowhereElse() {
        candidates.add("SEC-2026-0001", List.of(1L, 2L));
        candidates.add("SEC-2026-0002", List.of(3L));

        assertThat(candidates.find(List.of(2L), 10)).containsExactly("SEC-2026-0001");
        assertThat(candidates.find(List.of(3L, 1L), 10)).containsExactly("SEC-2026-0002", "SEC-2026-0001");
        assertThat(candidates.find(List.of(4L), 10)).isEmpty();
    }

    @Test
    void underOneKeyTheLatestComeFirstAndOnlyTheLatestFewAreKept() {
        for (int i = 1; i <= 5; i++) {
            candidates.add("SEC-2026-000" + i, List.of(7L));
        }

        assertThat(candidates.find(List.of(7L), 10)).containsExactly("SEC-2026-0005", "SEC-2026-0004", "SEC-2026-0003");
    }

    @Test
    void aCaseSharingSeveralKeysWithTheReportIsFoundOnce() {
        candidates.add("SEC-2026-0001", List.of(1L, 2L, 2L));
        candidates.add("SEC-2026-0002", List.of(2L));

        assertThat(candidates.find(List.of(1L, 2L), 10)).containsExactly("SEC-2026-0001", "SEC-2026-0002");
    }

    @Test
    void aCaseFiledAgainUnderTheSameKeyDoesNotPushOutTheOthers() {
        candidates.add("SEC-2026-0001", List.of(7L));
        candidates.add("SEC-2026-0002", List.of(7L));
        candidates.add("SEC-2026-0002", List.of(7L));
        candidates.add("SEC-2026-0003", List.of(7L));

        assertThat(candidates.find(List.of(7L), 10)).containsExactly("SEC-2026-0003", "SEC-2026-0002", "SEC-2026-0001");
    }

    @Test
    void reportsOfTheSameBugFindEachOtherByTheirFeaturesKeys() {
        ReportFeatures xss = ReportFeatures.of("Stored cross-site scripting in the comment form: comments are rendered"
                + " in src/views/comment.html without escaping, so an attacker posts <script>alert(1)</script>.",
                "xss");
        ReportFeatures sameXss = ReportFeatures.of("The comment form allows stored XSS. The template"
                + " src/views/comment.html prints the comment without escaping; posting <script>alert(1)</script>"
                + " runs script for every visitor.", "xss");
        ReportFeatures sqli = ReportFeatures.of("SQL injection in the search endpoint: GET /api/search?q=' OR 1=1"
                + " returns every row of the users table, including password hashes.", "sqli");
        candidates.add("SEC-2026-0001", xss.candidateKeys());

        assertThat(candidates.find(sameXss.candidateKeys(), 10)).containsExactly("SEC-2026-0001");
        assertThat(candidates.find(sqli.candidateKeys(), 10)).isEmpty();
    }

    @Test
    void theCasesSharingTheMostKeysAreTheOnesComparedWhenThereAreMoreThanMayBe() {
        candidates.add("SEC-2026-0001", List.of(1L, 2L, 3L));
        candidates.add("SEC-2026-0002", List.of(1L));
        candidates.add("SEC-2026-0003", List.of(1L, 2L));
        candidates.add("SEC-2026-0004", List.of(3L));

        assertThat(candidates.find(List.of(1L, 2L, 3L), 2)).containsExactly("SEC-2026-0001", "SEC-2026-0003");
        assertThat(candidates.find(List.of(1L, 2L, 3L), 10))
                .containsExactly("SEC-2026-0001", "SEC-2026-0003", "SEC-2026-0002", "SEC-2026-0004");
    }

    @Test
    void pastTheKeysItMayHoldTheKeyUnusedLongestIsForgotten() {
        DuplicateCandidates bounded = new DuplicateCandidates(3, 4);
        bounded.add("SEC-2026-0001", List.of(1L, 2L));
        bounded.add("SEC-2026-0002", List.of(3L, 4L));
        bounded.find(List.of(1L), 10); // key 1 was used last of the first case's

        bounded.add("SEC-2026-0003", List.of(5L));

        assertThat(bounded.keys()).isEqualTo(4);
        assertThat(bounded.find(List.of(2L), 10)).isEmpty();
        assertThat(bounded.find(List.of(1L), 10)).containsExactly("SEC-2026-0001");
        assertThat(bounded.find(List.of(3L, 4L, 5L), 10)).containsExactly("SEC-2026-0002", "SEC-2026-0003");
    }

    @Test
    void aFloodOfCasesHoldsNoMoreKeysThanItMay() {
        DuplicateCandidates bounded = new DuplicateCandidates(3, 1_000);
        for (int i = 0; i < 10_000; i++) {
            bounded.add("SEC-2026-" + i, List.of(i * 3L, i * 3L + 1, i * 3L + 2));
        }

        assertThat(bounded.keys()).isEqualTo(1_000);
        assertThat(bounded.find(List.of(29_997L), 10)).containsExactly("SEC-2026-9999");
        assertThat(bounded.find(List.of(0L), 10)).isEmpty();
    }

    @Test
    void atLeastOneCaseAndOneKeyAreKept() {
        assertThatThrownBy(() -> new DuplicateCandidates(0, 1_000)).hasMessageContaining("at least one case");
        assertThatThrownBy(() -> new DuplicateCandidates(3, 0)).hasMessageContaining("at least one key");
    }
}
