package org.sectriage.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in the config file: whole numbers with units, largest unit first,
 * such as {@code 30s}, {@code 48h}, {@code 5d} or {@code 1h30m}.
 *
 * <p>The units are {@code w} (7 days), {@code d} (exactly 24 hours, whatever the calendar does on a
 * daylight-saving change), {@code h}, {@code m}, {@code s} and {@code ms}. Each unit appears at most
 * once; there are no fractions and no negative durations.
 */
public final class Durations {

    /** How a duration is written; error messages end with it so the reader sees the fix. */
    public static final String ACCEPTED_FORM =
            "whole numbers with units ms, s, m, h, d (24h) or w, largest unit first,"
                    + " such as 30s, 10m, 48h, 5d or 1h30m";

    /** A unit of a written duration, largest first. */
    private record Unit(String symbol, Duration length) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit("w", Duration.ofDays(7)),
            new Unit("d", Duration.ofDays(1)),
            new Unit("h", Duration.ofHours(1)),
            new Unit("m", Duration.ofMinutes(1)),
            new Unit("s", Duration.ofSeconds(1)),
            new Unit("ms", Duration.ofMillis(1)));

    /** One part of a duration; "ms" comes before "m" and "s" so that 500ms is not read as 500m + s. */
    private static final Pattern PART = Pattern.compile("(\\d{1,18})(ms|w|d|h|m|s)");

    private Durations() {
    }

    /**
     * The duration written as {@code text}, such as {@code 48h} or {@code 1h30m}.
     *
     * @throws IllegalArgumentException if {@code text} is not in the {@linkplain #ACCEPTED_FORM accepted form}
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String written = text.strip();
        Matcher part = PART.matcher(written);
        Duration total = Duration.ZERO;
        int position = 0;
        int previousUnit = -1;
        while (position < written.length()) {
            part.region(position, written.length());
            if (!part.lookingAt()) {
                throw invalid(text);
            }
            int unit = unitIndex(part.group(2));
            if (unit <= previousUnit) {
                throw invalid(text);
            }
            try {
                total = total.plus(UNITS.get(unit).length().multipliedBy(Long.parseLong(part.group(1))));
            } catch (ArithmeticException tooLong) {
                throw invalid(text);
            }
            previousUnit = unit;
            position = part.end();
        }
        if (position == 0) {
            throw invalid(text);
        }
        return total;
    }

    /**
     * The written form of {@code duration}, largest unit first with zero parts left out: PT48H is
     * {@code 2d}, PT90M is {@code 1h30m}, zero is {@code 0s}. {@code parse(format(d))} equals {@code d}.
     *
     * @throws IllegalArgumentException if {@code duration} is negative or not a whole number of milliseconds
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot write a negative duration: " + duration);
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("cannot write a duration finer than milliseconds: " + duration);
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder written = new StringBuilder();
        Duration rest = duration;
        for (Unit unit : UNITS) {
            long count = rest.dividedBy(unit.length());
            if (count > 0) {
                written.append(count).append(unit.symbol());
                rest = rest.minus(unit.length().multipliedBy(count));
            }
        }
        return written.toString();
    }

    private static int unitIndex(String symbol) {
        for (int i = 0; i < UNITS.size(); i++) {
            if (UNITS.get(i).symbol().equals(symbol)) {
                return i;
            }
        }
        throw new AssertionError("PART matched unknown unit " + symbol);
    }

    private static IllegalArgumentException invalid(String text) {
        String why = text.strip().startsWith("-") ? "a duration cannot be negative; expected " : "expected ";
        return new IllegalArgumentException("invalid duration '" + text + "': " + why + ACCEPTED_FORM);
    }
}
