package org.sectriage.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holidays read from an iCalendar file: all-day events, recurring ones expanded, timed events ignored. */
class HolidaysTest {

    private static Holidays fromFixture;

    @BeforeAll
    static void readFixture() throws IOException {
        fromFixture = read("holidays.ics");
    }

    private static Holidays read(String name) throws IOException {
        try (InputStream ics = HolidaysTest.class.getResourceAsStream("/sla/" + name)) {
            assertThat(ics).as("test resource /sla/" + name).isNotNull();
            return Holidays.fromIcs(ics);
        }
    }

    @Test
    void aDayListedForEveryYearIsAHolidayInEachYearAndTwentyNinthFebruaryOnlyInLeapYears() {
        Holidays yearly = Holidays.everyYear(java.util.List.of(java.time.MonthDay.of(12, 25),
                java.time.MonthDay.of(2, 29))).plus(Holidays.of(java.util.List.of(LocalDate.of(2026, 12, 24))));

        assertThat(yearly.contains(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(yearly.contains(LocalDate.of(2043, 12, 25))).isTrue();
        assertThat(yearly.contains(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(yearly.contains(LocalDate.of(2027, 12, 24))).as("a dated holiday is one once").isFalse();
        assertThat(yearly.contains(LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(yearly.contains(LocalDate.of(2027, 3, 1))).isFalse();
    }

    @Test
    void aYearlyRecurringHolidayFallsOnItsDateEveryYear() {
        assertThat(fromFixture.contains(LocalDate.of(2020, 1, 1))).isTrue();
        assertThat(fromFixture.contains(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(fromFixture.contains(LocalDate.of(2031, 1, 1))).isTrue();
        assertThat(fromFixture.contains(LocalDate.of(2019, 1, 1))).as("before the first occurrence").isFalse();
        assertThat(fromFixture.contains(LocalDate.of(2027, 1, 2))).isFalse();
    }

    @Test
    void aYearlyRuleByWeekdayFallsOnADifferentDateEachYear() {
        assertThat(fromFixture.contains(LocalDate.of(2026, 11, 26))).as("4th Thursday of November 2026").isTrue();
        assertThat(fromFixture.contains(LocalDate.of(2027, 11, 25))).as("4th Thursday of November 2027").isTrue();
        assertThat(fromFixture.contains(LocalDate.of(2027, 11, 26))).isFalse();
    }

    @Test
    void aMultiDayEventCoversEachDayUpToItsExclusiveEnd() {
        assertThat(fromFixture.contains(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(fromFixture.contains(LocalDate.of(2026, 12, 26))).isTrue();
        assertThat(fromFixture.contains(LocalDate.of(2026, 12, 27))).as("DTEND is exclusive").isFalse();
        assertThat(fromFixture.contains(LocalDate.of(2026, 10, 3))).as("no DTEND: one day").isTrue();
    }

    @Test
    void anEventWithATimeOfDayIsNotAHoliday() {
        assertThat(fromFixture.contains(LocalDate.of(2026, 11, 25))).isFalse();
    }

    @Test
    void holidaysFromAnIcsFileStopTheBusinessClock() {
        BusinessCalendar office = BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin")).withHolidays(fromFixture);

        assertThat(office.add(BusinessCalendarTest.berlin("2026-12-23T16:00"), Duration.ofHours(2)))
                .isEqualTo(BusinessCalendarTest.berlin("2026-12-28T10:00"));
        assertThat(office.add(BusinessCalendarTest.berlin("2026-12-31T16:00"), Duration.ofHours(2)))
                .as("New Year's Day 2027 from the recurring rule").isEqualTo(BusinessCalendarTest.berlin("2027-01-04T10:00"));
    }

    @Test
    void aFileThatIsNotICalendarIsRejectedWithTheReason() {
        assertThatThrownBy(() -> read("not-a-calendar.ics"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid iCalendar file");
    }
}
