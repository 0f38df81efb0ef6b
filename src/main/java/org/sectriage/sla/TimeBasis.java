package org.sectriage.sla;

import java.util.Locale;

/**
 * What a policy's durations count: all time, the working hours of its business calendar, or every
 * hour of its working days.
 *
 * <p>A "business hour" is an hour within working hours ({@link #WORKING_HOURS}), as in every help-desk
 * SLA tool: with working hours 09:00-17:00, "48 business hours" is six working days, and a deadline
 * always falls inside working hours, when someone is there to meet it. A policy that counts business
 * <em>days</em> ("3 business days") uses {@link #WORKING_DAYS}, where each working day counts all its
 * 24 hours, as its clock shows them (also on the days the clocks change), so {@code 3d} is three working
 * days and {@code 48h} two.
 */
public enum TimeBasis {
    /** Every hour counts. */
    CALENDAR,
    /** Only hours within the working hours of working days that are not holidays count. */
    WORKING_HOURS,
    /** Every hour of a working day that is not a holiday counts, whatever the working hours. */
    WORKING_DAYS;

    /** The time this basis counts, on {@code calendar}'s working days, holidays and hours. */
    public WorkingTime clockOf(BusinessCalendar calendar) {
        return switch (this) {
            case CALENDAR -> CalendarTime.INSTANCE;
            case WORKING_HOURS -> calendar;
            case WORKING_DAYS -> new WholeWorkingDays(calendar);
        };
    }

    /** The basis written as {@code label} in a config file: calendar, working-hours or working-days. */
    public static TimeBasis fromLabel(String label) {
        for (TimeBasis basis : values()) {
            if (basis.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return basis;
            }
        }
        throw new IllegalArgumentException("unknown time basis '" + label
                + "': expected calendar, working-hours or working-days");
    }

    /** The lower-case, hyphenated name used in config files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
