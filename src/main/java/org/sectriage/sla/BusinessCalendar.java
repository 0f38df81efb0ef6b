package org.sectriage.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a team works: a time zone, working days, working hours (one or more spans a day) and holidays.
 * As a {@link WorkingTime} it counts only working hours; daylight-saving changes inside working hours
 * count as the real time they take (a span of 00:00-06:00 is five hours on a spring-forward night).
 */
public final class BusinessCalendar implements WorkingTime {

    /** Longest stretch searched for working time; a calendar without any in this many days is rejected. */
    private static final int MAX_DAYS_WITHOUT_WORK = 3660;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final List<WorkingSpan> hours;
    private final Holidays holidays;

    /**
     * A calendar of {@code workingDays} from {@code hours} in {@code zone}, except {@code holidays}.
     *
     * @throws IllegalArgumentException if there are no working days or no hours, or spans overlap
     */
    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingSpan> hours, Holidays holidays) {
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs working hours, such as 09:00-17:00");
        }
        this.zone = zone;
        this.workingDays = Set.copyOf(workingDays);
        this.hours = hours.stream().sorted(Comparator.comparing(WorkingSpan::from)).toList();
        this.holidays = holidays;
        for (int i = 1; i < this.hours.size(); i++) {
            WorkingSpan before = this.hours.get(i - 1);
            if (before.until() == null || before.until().isAfter(this.hours.get(i).from())) {
                throw new IllegalArgumentException("working hours " + before + " and " + this.hours.get(i) + " overlap");
            }
        }
    }

    /** Monday to Friday, 09:00-17:00 in {@code zone}, without holidays. */
    public static BusinessCalendar officeHours(ZoneId zone) {
        return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(WorkingSpan.parse("09:00-17:00")), Holidays.NONE);
    }

    /** This calendar with {@code more} holidays. */
    public BusinessCalendar withHolidays(Holidays more) {
        return new BusinessCalendar(zone, workingDays, hours, holidays.plus(more));
    }

    public ZoneId zone() {
        return zone;
    }

    /** True if {@code date} is a working day that is not a holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** True if {@code instant} falls within working hours. */
    public boolean isWorkingTime(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        if (!isWorkingDay(date)) {
            return false;
        }
        for (WorkingSpan span : hours) {
            if (!instant.isBefore(span.startOn(date, zone)) && instant.isBefore(span.endOn(date, zone))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant at which {@code businessTime} of working hours has passed since {@code start}. Adding
     * zero to an instant outside working hours gives that instant; adding more ends inside working hours.
     */
    @Override
    public Instant add(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("cannot add negative business time: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        LocalDate date = start.atZone(zone).toLocalDate();
        int daysWithoutWork = 0;
        while (daysWithoutWork < MAX_DAYS_WITHOUT_WORK) {
            boolean worked = false;
            if (isWorkingDay(date)) {
                for (WorkingSpan span : hours) {
                    Instant from = latest(start, span.startOn(date, zone));
                    Instant until = span.endOn(date, zone);
                    if (from.isBefore(until)) {
                        worked = true;
                        Duration available = Duration.between(from, until);
                        if (remaining.compareTo(available) <= 0) {
                            return from.plus(remaining);
                        }
                        remaining = remaining.minus(available);
                    }
                }
            }
            daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
            date = date.plusDays(1);
        }
        throw new IllegalStateException("no working time in the " + MAX_DAYS_WITHOUT_WORK + " days after "
                + date.minusDays(MAX_DAYS_WITHOUT_WORK) + "; are all days holidays?");
    }

    /** The working hours between {@code from} and {@code to}; negative if {@code to} is before {@code from}. */
    @Override
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                for (WorkingSpan span : hours) {
                    Instant start = latest(from, span.startOn(date, zone));
                    Instant end = earliest(to, span.endOn(date, zone));
                    if (start.isBefore(end)) {
                        total = total.plus(Duration.between(start, end));
                    }
                }
            }
        }
        return total;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + " " + workingDays + " " + hours + " " + holidays + "]";
    }
}
