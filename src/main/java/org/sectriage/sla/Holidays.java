package org.sectriage.sla;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * The dates on which no one works, whatever the day of the week: listed dates, days of the year listed for
 * every year, and the all-day events of an iCalendar (.ics) file, recurring ones included.
 */
public final class Holidays {

    /** Recurring holidays are expanded over these years; deadlines outside them see none. */
    static final LocalDate FIRST_EXPANDED = LocalDate.of(1970, 1, 1);
    static final LocalDate LAST_EXPANDED = LocalDate.of(2199, 12, 31);

    /** No holidays at all. */
    public static final Holidays NONE = new Holidays(Set.of());

    private final Set<LocalDate> dates;
    private final Set<java.time.MonthDay> everyYear;

    private Holidays(Collection<LocalDate> dates) {
        this(dates, Set.of());
    }

    private Holidays(Collection<LocalDate> dates, Collection<java.time.MonthDay> everyYear) {
        this.dates = Set.copyOf(dates);
        this.everyYear = Set.copyOf(everyYear);
    }

    /** Holidays on exactly {@code dates}. */
    public static Holidays of(Collection<LocalDate> dates) {
        return new Holidays(dates);
    }

    /** Holidays on {@code days} of every year, such as 25 December; 29 February only in leap years. */
    public static Holidays everyYear(Collection<java.time.MonthDay> days) {
        return new Holidays(Set.of(), days);
    }

    /**
     * The holidays of an iCalendar file: every day covered by an all-day VEVENT (one whose DTSTART is
     * a DATE), recurrences (RRULE, RDATE, EXDATE) expanded from 1970 to 2199. Events with a time of
     * day are not holidays and are passed over. The stream is not closed.
     *
     * @throws IllegalArgumentException if the stream is not an iCalendar file, naming the problem
     * @throws IOException if the stream cannot be read
     */
    public static Holidays fromIcs(InputStream ics) throws IOException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(ics);
        } catch (ParserException e) {
            throw new IllegalArgumentException("not a valid iCalendar file: " + e.getMessage(), e);
        }
        Set<LocalDate> dates = new TreeSet<>();
        for (Component component : calendar.getComponents(Component.VEVENT)) {
            VEvent event = (VEvent) component;
            if (isAllDay(event)) {
                Period<LocalDate> window = new Period<>(FIRST_EXPANDED, LAST_EXPANDED.plusDays(1));
                Set<Period<LocalDate>> occurrences = event.calculateRecurrenceSet(window);
                for (Period<LocalDate> occurrence : occurrences) {
                    addDays(occurrence.getStart(), occurrence.getEnd(), dates);
                }
            }
        }
        return new Holidays(dates);
    }

    private static boolean isAllDay(VEvent event) {
        DtStart<Temporal> start = event.getDateTimeStart();
        return start != null && start.getDate() instanceof LocalDate;
    }

    /** Adds each day from {@code start} up to, not including, {@code end}; at least {@code start}. */
    private static void addDays(LocalDate start, LocalDate end, Set<LocalDate> dates) {
        LocalDate day = start;
        do {
            dates.add(day);
            day = day.plusDays(1);
        } while (day.isBefore(end));
    }

    /** These holidays and {@code more}. */
    public Holidays plus(Holidays more) {
        Set<LocalDate> all = new TreeSet<>(dates);
        all.addAll(more.dates);
        Set<java.time.MonthDay> yearly = new TreeSet<>(everyYear);
        yearly.addAll(more.everyYear);
        return new Holidays(all, yearly);
    }

    /** True if no one works on {@code date}. */
    public boolean contains(LocalDate date) {
        return dates.contains(date) || (!everyYear.isEmpty() && everyYear.contains(java.time.MonthDay.from(date)));
    }

    @Override
    public String toString() {
        return dates.size() + " holiday(s)" + (everyYear.isEmpty() ? "" : " and " + everyYear.size() + " every year");
    }
}
