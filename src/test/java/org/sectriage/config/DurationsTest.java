package org.sectriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void parsesEachUnit() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("90m"));
        assertEquals(Duration.ofHours(48), Durations.parse("48h"));
        assertEquals(Duration.ofDays(5), Durations.parse("5d"));
        assertEquals(Duration.ofDays(14), Durations.parse("2w"));
    }

    @Test
    void aDayIsExactlyTwentyFourHours() {
        assertEquals(Duration.ofHours(24), Durations.parse("1d"));
    }

    @Test
    void addsPartsWrittenFromTheLargestUnitDown() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofDays(8).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5),
                Durations.parse("1w1d2h3m4s5ms"));
    }

    @Test
    void acceptsZeroAndSurroundingSpace() {
        assertEquals(Duration.ZERO, Durations.parse("0s"));
        assertEquals(Duration.ofSeconds(30), Durations.parse(" 30s "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "s", "1.5h", "5 days", "5D", "30m1h", "1h1h", "1h 30m", "+5s", "5y", "99999999999999999999s",
            "9999999999999999w"})
    void rejectsAnythingElseNamingTheAcceptedForm(String written) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(written));
        assertEquals("invalid duration '" + written + "': expected " + Durations.ACCEPTED_FORM, e.getMessage());
    }

    @Test
    void rejectsNegativeDurationsSayingSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5h"));
        assertTrue(e.getMessage().startsWith("invalid duration '-5h': a duration cannot be negative; expected "),
                e.getMessage());
    }

    @Test
    void formatsWithTheLargestUnitsFirst() {
        assertEquals("2d", Durations.format(Duration.ofHours(48)));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("2w", Durations.format(Duration.ofDays(14)));
        assertEquals("1w3d", Durations.format(Duration.ofDays(10)));
        assertEquals("30s", Durations.format(Duration.ofSeconds(30)));
        assertEquals("1s500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("0s", Durations.format(Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"48h", "1h30m", "9m", "3d", "1w1d2h3m4s5ms", "500ms"})
    void formatUndoesParse(String written) {
        Duration duration = Durations.parse(written);
        assertEquals(duration, Durations.parse(Durations.format(duration)));
    }

    @Test
    void refusesToFormatWhatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> Durations.format(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Durations.format(Duration.ofNanos(1500)));
    }
}
