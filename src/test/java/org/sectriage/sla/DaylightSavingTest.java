package org.sectriage.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Business time across daylight-saving changes: working hours are local hours, and an hour that the
 * clocks skip (spring forward) or repeat (fall back) inside working hours counts as the real time it is.
 * The changes happen at night on Sundays, so the calendars here are weekend night shifts, 00:00-06:00.
 * Business days, though, count as their clock shows them: a day is 24 hours, and three of them end at
 * the hour they began.
 */
class DaylightSavingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static BusinessCalendar weekendNights(ZoneId zone) {
        return new BusinessCalendar(zone, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of(WorkingSpan.parse("00:00-06:00")), Holidays.NONE);
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void berlinSpringForwardShortensTheShiftByTheSkippedHour() {
        BusinessCalendar nights = weekendNights(BERLIN);

        assertThat(nights.between(at("2026-03-29T00:00", BERLIN), at("2026-03-29T06:00", BERLIN))).isEqualTo(Duration.ofHours(5));
        assertThat(nights.add(at("2026-03-29T01:00", BERLIN), Duration.ofHours(2)))
                .as("01:00 + 2h of real time, with 02:00-03:00 skipped").isEqualTo(at("2026-03-29T04:00", BERLIN));
        assertThat(nights.add(at("2026-03-29T01:00", BERLIN), Duration.ofHours(5)))
                .as("4h left on Sunday night, the fifth on the next Saturday").isEqualTo(at("2026-04-04T01:00", BERLIN));
    }

    @Test
    void berlinFallBackLengthensTheShiftByTheRepeatedHour() {
        BusinessCalendar nights = weekendNights(BERLIN);
        Instant oneAmSummerTime = at("2026-10-25T01:00", BERLIN);

        assertThat(nights.between(at("2026-10-25T00:00", BERLIN), at("2026-10-25T06:00", BERLIN))).isEqualTo(Duration.ofHours(7));
        assertThat(nights.add(oneAmSummerTime, Duration.ofHours(2)))
                .as("the second 02:00, in winter time").isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(nights.add(oneAmSummerTime, Duration.ofHours(3))).isEqualTo(at("2026-10-25T03:00", BERLIN));
    }

    @Test
    void newYorkSpringForward() {
        BusinessCalendar nights = weekendNights(NEW_YORK);

        assertThat(nights.between(at("2026-03-08T00:00", NEW_YORK), at("2026-03-08T06:00", NEW_YORK))).isEqualTo(Duration.ofHours(5));
        assertThat(nights.add(at("2026-03-08T01:30", NEW_YORK), Duration.ofHours(1))).isEqualTo(at("2026-03-08T03:30", NEW_YORK));
    }

    @Test
    void newYorkFallBack() {
        BusinessCalendar nights = weekendNights(NEW_YORK);

        assertThat(nights.between(at("2026-11-01T00:00", NEW_YORK), at("2026-11-01T06:00", NEW_YORK))).isEqualTo(Duration.ofHours(7));
        assertThat(nights.add(at("2026-11-01T00:30", NEW_YORK), Duration.ofHours(2)))
                .as("01:30 comes twice; two hours after 00:30 is the second one")
                .isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void officeHoursKeepTheirLocalTimesAcrossTheChangeWeekend() {
        BusinessCalendar berlinOffice = BusinessCalendar.officeHours(BERLIN);
        BusinessCalendar newYorkOffice = BusinessCalendar.officeHours(NEW_YORK);

        assertThat(berlinOffice.add(at("2026-03-27T16:00", BERLIN), Duration.ofHours(2))).isEqualTo(at("2026-03-30T10:00", BERLIN));
        assertThat(berlinOffice.add(at("2026-10-23T16:00", BERLIN), Duration.ofHours(2))).isEqualTo(at("2026-10-26T10:00", BERLIN));
        assertThat(newYorkOffice.add(at("2026-03-06T16:00", NEW_YORK), Duration.ofHours(2))).isEqualTo(at("2026-03-09T10:00", NEW_YORK));
        assertThat(newYorkOffice.add(at("2026-10-30T16:00", NEW_YORK), Duration.ofHours(2))).isEqualTo(at("2026-11-02T10:00", NEW_YORK));
    }

    @Test
    void aBusinessDayIsTheTwentyFourHoursItsClockShowsAlsoOnChangeDays() {
        WorkingTime days = TimeBasis.WORKING_DAYS.clockOf(weekendNights(BERLIN));

        assertThat(days.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN))).isEqualTo(Duration.ofHours(24));
        assertThat(days.between(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN))).isEqualTo(Duration.ofHours(24));
        assertThat(days.between(at("2026-03-28T12:00", BERLIN), at("2026-03-29T12:00", BERLIN))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void threeBusinessDaysAcrossAChangeEndAtTheHourTheyBegan() {
        BusinessCalendar everyDay = new BusinessCalendar(BERLIN, EnumSet.allOf(DayOfWeek.class),
                List.of(WorkingSpan.parse("09:00-17:00")), Holidays.NONE);
        ZoneId jerusalem = ZoneId.of("Asia/Jerusalem");
        BusinessCalendar sundayToThursday = new BusinessCalendar(jerusalem, EnumSet.of(DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                List.of(WorkingSpan.parse("09:00-17:00")), Holidays.NONE);

        assertThat(TimeBasis.WORKING_DAYS.clockOf(everyDay).add(at("2026-03-28T12:00", BERLIN), Duration.ofDays(3)))
                .as("spring forward on Sunday the 29th").isEqualTo(at("2026-03-31T12:00", BERLIN));
        assertThat(TimeBasis.WORKING_DAYS.clockOf(everyDay).add(at("2026-10-24T12:00", BERLIN), Duration.ofDays(3)))
                .as("fall back on Sunday the 25th").isEqualTo(at("2026-10-27T12:00", BERLIN));
        assertThat(TimeBasis.WORKING_DAYS.clockOf(sundayToThursday).add(at("2026-10-22T12:00", jerusalem),
                Duration.ofDays(3))).as("Friday and Saturday off, the clocks change on the Sunday")
                .isEqualTo(at("2026-10-27T12:00", jerusalem));
    }
}
