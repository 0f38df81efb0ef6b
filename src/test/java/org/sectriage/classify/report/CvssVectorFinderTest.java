package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    @Test
    void cvss40VectorIsValidatedButNotScored() {
        assertThat(finder.find("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A"))
                .hasValueSatisfying(v -> {
                    assertThat(v.version()).isEqualTo("4.0");
                    assertThat(v.isScored()).isFalse();
                });
        assertThat(finder.find("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H")).isEmpty();
        assertThat(finder.find("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:Q")).isEmpty();
    }
}
