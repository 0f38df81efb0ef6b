package org.sectriage.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Business time: only working hours of working days count, in the calendar's own time zone. */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessCalendar OFFICE = BusinessCalendar.officeHours(BERLIN);

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void twoHoursFromFridayAfternoonEndOnMondayMorning() {
        assertThat(OFFICE.add(berlin("2026-11-20T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-23T10:00"));
    }

    @Test
    void timeAddedOnASaturdayStartsCountingOnMonday() {
        assertThat(OFFICE.add(berlin("2026-11-21T12:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-23T10:00"));
    }

    @Test
    void fortyEightBusinessHoursAreSixWorkingDaysOfEightHours() {
        Instant due = TimeBasis.WORKING_HOURS.clockOf(OFFICE).add(berlin("2026-11-16T09:00"), Duration.ofHours(48));

        assertThat(due).isEqualTo(berlin("2026-11-23T17:00"));
    }

    @Test
    void onWorkingDaysEveryHourOfAWorkingDayCountsSoFortyEightHoursAreTwoWorkingDays() {
        Instant due = TimeBasis.WORKING_DAYS.clockOf(OFFICE).add(berlin("2026-11-20T10:00"), Duration.ofHours(48));

        assertThat(due).as("Friday 10:00 + 14h of Friday + 24h of Monday + 10h of Tuesday")
                .isEqualTo(berlin("2026-11-24T10:00"));
    }

    @Test
    void threeBusinessDaysFromFridayAfternoonEndOnWednesdayAfternoon() {
        Instant due = TimeBasis.WORKING_DAYS.clockOf(OFFICE).add(berlin("2026-11-20T15:00"), Duration.ofDays(3));

        assertThat(due).isEqualTo(berlin("2026-11-25T15:00"));
    }

    @Test
    void calendarTimeCountsWeekendsToo() {
        Instant due = TimeBasis.CALENDAR.clockOf(OFFICE).add(berlin("2026-11-20T16:00"), Duration.ofHours(48));

        assertThat(due).isEqualTo(berlin("2026-11-22T16:00"));
    }

    @Test
    void listedHolidaysDoNotCount() {
        BusinessCalendar christmas = OFFICE.withHolidays(
                Holidays.of(List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25))));

        assertThat(christmas.add(berlin("2026-12-23T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-28T10:00"));
        assertThat(OFFICE.add(berlin("2026-12-23T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-24T10:00"));
    }

    @Test
    void betweenCountsOnlyWorkingHoursAndIsNegativeBackwards() {
        Instant friday = berlin("2026-11-20T16:00");
        Instant monday = berlin("2026-11-23T10:00");

        assertThat(OFFICE.between(friday, monday)).isEqualTo(Duration.ofHours(2));
        assertThat(OFFICE.between(monday, friday)).isEqualTo(Duration.ofHours(-2));
        assertThat(OFFICE.between(berlin("2026-11-21T08:00"), berlin("2026-11-22T20:00"))).isZero();
    }

    @Test
    void betweenUndoesAdd() {
        Instant start = berlin("2026-11-18T11:17");
        for (long minutes : new long[] {1, 59, 8 * 60, 8 * 60 + 1, 5 * 8 * 60, 23 * 8 * 60 + 7}) {
            Duration amount = Duration.ofMinutes(minutes);
            assertThat(OFFICE.between(start, OFFICE.add(start, amount))).as("%s", amount).isEqualTo(amount);
        }
    }

    @Test
    void isWorkingTimeKnowsHoursDaysAndHolidays() {
        BusinessCalendar withHoliday = OFFICE.withHolidays(Holidays.of(List.of(LocalDate.of(2026, 11, 19))));

        assertThat(OFFICE.isWorkingTime(berlin("2026-11-18T09:00"))).isTrue();
        assertThat(OFFICE.isWorkingTime(berlin("2026-11-18T16:59"))).isTrue();
        assertThat(OFFICE.isWorkingTime(berlin("2026-11-18T17:00"))).isFalse();
        assertThat(OFFICE.isWorkingTime(berlin("2026-11-18T08:59"))).isFalse();
        assertThat(OFFICE.isWorkingTime(berlin("2026-11-21T12:00"))).as("Saturday").isFalse();
        assertThat(withHoliday.isWorkingTime(berlin("2026-11-19T12:00"))).as("holiday").isFalse();
    }

    @Test
    void aLunchBreakBetweenTwoSpansDoesNotCount() {
        BusinessCalendar withLunch = new BusinessCalendar(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(WorkingSpan.parse("13:00-17:00"), WorkingSpan.parse("09:00-12:00")), Holidays.NONE);

        assertThat(withLunch.add(berlin("2026-11-18T11:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-18T14:00"));
        assertThat(withLunch.isWorkingTime(berlin("2026-11-18T12:30"))).isFalse();
        assertThat(withLunch.between(berlin("2026-11-18T00:00"), berlin("2026-11-19T00:00"))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void theSameInstantIsAfterHoursInBerlinButWorkingTimeInNewYork() {
        Instant fridayFourPmUtc = Instant.parse("2026-11-20T16:00:00Z");
        BusinessCalendar newYork = BusinessCalendar.officeHours(NEW_YORK);

        assertThat(OFFICE.isWorkingTime(fridayFourPmUtc)).as("17:00 in Berlin").isFalse();
        assertThat(newYork.isWorkingTime(fridayFourPmUtc)).as("11:00 in New York").isTrue();
        assertThat(OFFICE.add(fridayFourPmUtc, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(newYork.add(fridayFourPmUtc, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-11-20T18:00:00Z"));
    }

    @Test
    void spansAreWrittenAsPeopleWriteThemAndMistakesSayWhatIsWrong() {
        assertThat(WorkingSpan.parse("13:00-24:00")).isEqualTo(new WorkingSpan(java.time.LocalTime.of(13, 0), null));
        assertThatThrownBy(() -> WorkingSpan.parse("9-5")).hasMessageContaining("'9-5'").hasMessageContaining("HH:MM-HH:MM");
        assertThatThrownBy(() -> WorkingSpan.parse("22:00-06:00")).hasMessageContaining("cannot cross midnight");
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, EnumSet.noneOf(DayOfWeek.class),
                List.of(WorkingSpan.WHOLE_DAY), Holidays.NONE)).hasMessageContaining("working day");
    }

    @Test
    void aCalendarWithoutAnyWorkingTimeAheadSaysSoInsteadOfLoopingForever() {
        List<LocalDate> everyDay = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2040, 1, 1)).toList();
        BusinessCalendar neverWorks = OFFICE.withHolidays(Holidays.of(everyDay));

        assertThatThrownBy(() -> neverWorks.add(berlin("2026-01-01T00:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no working time");
    }
}
