package org.sectriage.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of working hours within a day, such as 09:00-17:00, in local time; {@code until} null means
 * the end of the day (written 24:00).
 */
public record WorkingSpan(LocalTime from, LocalTime until) {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    /** The whole day, 00:00-24:00. */
    public static final WorkingSpan WHOLE_DAY = new WorkingSpan(LocalTime.MIDNIGHT, null);

    public WorkingSpan {
        if (from == null) {
            throw new IllegalArgumentException("a working span needs a start time");
        }
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("working span " + from + "-" + until
                    + " ends before it starts; spans cannot cross midnight, split them at 24:00");
        }
    }

    /** The span written as {@code text}, such as {@code 09:00-17:00} or {@code 13:00-24:00}. */
    public static WorkingSpan parse(String text) {
        Matcher m = WRITTEN.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid working hours '" + text + "': expected HH:MM-HH:MM, such as 09:00-17:00");
        }
        try {
            LocalTime until = m.group(2).equals("24:00") ? null : LocalTime.parse(m.group(2));
            return new WorkingSpan(LocalTime.parse(m.group(1)), until);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid working hours '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Where this span starts on {@code date} in {@code zone}; a start in a daylight-saving gap moves past the gap. */
    Instant startOn(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, from, zone).toInstant();
    }

    /** Where this span ends on {@code date} in {@code zone}. */
    Instant endOn(LocalDate date, ZoneId zone) {
        return until == null
                ? date.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(date, until, zone).toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + (until == null ? "24:00" : until.toString());
    }
}
