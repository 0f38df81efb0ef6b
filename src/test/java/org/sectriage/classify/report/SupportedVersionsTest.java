package org.sectriage.classify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupportedVersionsTest {

    @Test
    void seriesSupportTheirOwnReleasesOnly() {
        SupportedVersions supported = SupportedVersions.series("2.4", "2.5");

        assertThat(supported.supports("2.4.7")).isTrue();
        assertThat(supported.supports("2.5")).isTrue();
        assertThat(supported.supports("2.3.1")).isFalse();
        assertThat(supported.supports("2.45.0")).isFalse();
    }

    @Test
    void oldestSupportedVersionComparesNumbersNotText() {
        SupportedVersions supported = SupportedVersions.from("2.4");

        assertThat(supported.supports("2.10.0")).isTrue();
        assertThat(supported.supports("3.0")).isTrue();
        assertThat(supported.supports("2.3.9")).isFalse();
    }

    @Test
    void reportNamingOnlyOldVersionsIsUnsupportedButOneNamingASupportedOneIsNot() {
        SupportedVersions supported = SupportedVersions.from("2.4");

        assertThat(supported.unsupportedAmong(List.of("2.3.1", "2.2"))).contains("2.3.1");
        assertThat(supported.unsupportedAmong(List.of("2.3.1", "2.5.0"))).isEmpty();
        assertThat(supported.unsupportedAmong(List.of())).isEmpty();
    }

    @Test
    void policyEntriesAreReadAsSeriesMinimumsOrLatestRelease() {
        assertThat(SupportedVersions.parse(List.of("2.4", "2.5"))).isEqualTo(SupportedVersions.series("2.4", "2.5"));
        assertThat(SupportedVersions.parse(List.of(">=2.4"))).isEqualTo(SupportedVersions.from("2.4"));
        assertThat(SupportedVersions.parse(List.of("2.4+"))).isEqualTo(SupportedVersions.from("2.4"));
        assertThat(SupportedVersions.parse(List.of("latest=3.1.0"))).isEqualTo(SupportedVersions.from("3.1.0"));
        assertThat(SupportedVersions.parse(List.of("latest")).supports("0.1")).isTrue();
    }

    @Test
    void entryThatIsNoVersionIsRejectedByName() {
        assertThatThrownBy(() -> SupportedVersions.parse(List.of("two")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'two'");
    }
}
