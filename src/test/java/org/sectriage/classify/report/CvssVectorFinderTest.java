package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class CvssVectorFinderTest {

    private final CvssVectorFinder finder = new CvssVectorFinder();

    @Test
    void cvss30VectorIsScored() {
        CvssVector v = finder.find("Score: CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N.").orElseThrow();

        assertThat(v.version()).isEqualTo("3.0");
        assertThat(v.score()).isEqualTo(6.1);
        assertThat(v.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void malformedVectorIsPassedOverForTheNextValidOne() {
        CvssVector v = finder.find("first try CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, corrected:"
                + " CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").orElseThrow();

        assertThat(v.score()).isEqualTo(9.8);
    }

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvFileSource(resources = "/cvss/cvss40-reference-scores.csv")
    void cvss40VectorIsScoredAsFirstsCalculatorScoresIt(String vector, double score, String rating) {
        CvssVector v = finder.find("Severity: " + vector + ", as we assessed it").orElseThrow();

        assertThat(v.version()).isEqualTo("4.0");
        assertThat(v.vector()).isEqualTo(vector);
        assertThat(v.score()).isEqualTo(score);
        assertThat(v.severity().label()).isEqualTo(rating);
    }

    @Test
    void cvss40VectorWithAMissingBaseMetricOrAnUnknownValueIsPassedOver() {
        assertThat(finder.find("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H")).isEmpty();
        assertThat(finder.find("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:Q")).isEmpty();
        assertThat(finder.find("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/XX:Y")).isEmpty();
    }
}
