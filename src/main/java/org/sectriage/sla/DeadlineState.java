package org.sectriage.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Where a deadline stands at one instant: met, due in some time, overdue by some time, paused while
 * the team waits on the reporter, or moot because the case was closed; times are calendar time.
 */
public sealed interface DeadlineState {

    /** How a person reads this state, such as "due in 2d 3h", "overdue by 5h" or "met 2026-11-20 10:02". */
    String render(ZoneId zone);

    /** The deadline was met at {@code at}, {@code late} after it was due (zero if on time). */
    record Met(Instant at, Duration late) implements DeadlineState {
        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        @Override
        public String render(ZoneId zone) {
            String when = "met " + MINUTES.format(at.atZone(zone));
            return late.isZero() ? when : when + " (" + shortly(late) + " late)";
        }
    }

    /** The deadline at {@code due} has not passed; {@code remaining} is left. */
    record DueIn(Instant due, Duration remaining) implements DeadlineState {
        @Override
        public String render(ZoneId zone) {
            return "due in " + shortly(remaining);
        }
    }

    /** The deadline at {@code due} passed {@code by} ago and is not met. */
    record Overdue(Instant due, Duration by) implements DeadlineState {
        @Override
        public String render(ZoneId zone) {
            return "overdue by " + shortly(by);
        }
    }

    /** The deadline stands still while the team waits on the reporter. */
    record Paused() implements DeadlineState {
        @Override
        public String render(ZoneId zone) {
            return "paused, waiting on the reporter";
        }
    }

    /** The case was closed before the deadline was met; it is no longer owed. */
    record Moot() implements DeadlineState {
        @Override
        public String render(ZoneId zone) {
            return "not owed, case closed";
        }
    }

    /**
     * {@code duration} in its two largest non-zero units of d, h, m and s, such as "2d 3h", "5h",
     * "12m 30s"; less than a second is "0s".
     */
    static String shortly(Duration duration) {
        long[] amounts = {duration.toDays(), duration.toHoursPart(), duration.toMinutesPart(), duration.toSecondsPart()};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < amounts.length && shown < 2; i++) {
            if (amounts[i] > 0) {
                text.append(shown == 0 ? "" : " ").append(amounts[i]).append(units[i]);
                shown++;
            } else if (shown > 0) {
                break;
            }
        }
        return shown == 0 ? "0s" : text.toString();
    }
}
