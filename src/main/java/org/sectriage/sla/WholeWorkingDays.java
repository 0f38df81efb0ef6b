package org.sectriage.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Business days ({@link TimeBasis#WORKING_DAYS}): every hour of a working day that is not a holiday, counted
 * as the day's clock shows it. A working day is 24 hours also on the days the clocks change, so that "3
 * business days" from Thursday 12:00 end at 12:00, as a reader of the policy counts them, and not an hour
 * early or late across a daylight-saving change.
 */
final class WholeWorkingDays implements WorkingTime {

    /** How many days in a row without work are searched before the calendar is taken for one without any. */
    private static final int MAX_DAYS_WITHOUT_WORK = 3660;

    private final BusinessCalendar calendar;

    WholeWorkingDays(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Instant add(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add negative business time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, calendar.zone());
        Duration remaining = amount;
        for (int withoutWork = 0; withoutWork < MAX_DAYS_WITHOUT_WORK; ) {
            LocalDate date = cursor.toLocalDate();
            LocalDateTime nextDay = date.plusDays(1).atStartOfDay();
            if (calendar.isWorkingDay(date)) {
                Duration available = Duration.between(cursor, nextDay);
                if (remaining.compareTo(available) <= 0) {
                    return cursor.plus(remaining).atZone(calendar.zone()).toInstant();
                }
                remaining = remaining.minus(available);
                withoutWork = 0;
            } else {
                withoutWork++;
            }
            cursor = nextDay;
        }
        throw new IllegalStateException("no working day in the " + MAX_DAYS_WITHOUT_WORK + " days before "
                + cursor.toLocalDate() + "; are all days holidays?");
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, calendar.zone());
        LocalDateTime end = LocalDateTime.ofInstant(to, calendar.zone());
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (calendar.isWorkingDay(date)) {
                LocalDateTime dayStart = date.atStartOfDay().isAfter(start) ? date.atStartOfDay() : start;
                LocalDateTime dayEnd = date.plusDays(1).atStartOfDay().isBefore(end) ? date.plusDays(1).atStartOfDay()
                        : end;
                if (dayStart.isBefore(dayEnd)) {
                    total = total.plus(Duration.between(dayStart, dayEnd));
                }
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "WholeWorkingDays[" + calendar + "]";
    }
}
