package org.sectriage.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as people write them in the config file: {@code 100000} (bytes), {@code 512KB},
 * {@code 25MB} or {@code 1GB}, with binary units (1KB = 1024 bytes). Units are case-insensitive and
 * may be spelled KiB, MiB, GiB.
 */
public final class Sizes {

    /** How a size is written; error messages end with it so the reader sees the fix. */
    public static final String ACCEPTED_FORM =
            "a whole number of bytes, or a whole number with a unit KB, MB or GB (1KB = 1024 bytes),"
                    + " such as 512KB, 25MB or 1GB";

    /** A unit of a written size, largest first. */
    private record Unit(String symbol, long bytes) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit("GB", 1L << 30),
            new Unit("MB", 1L << 20),
            new Unit("KB", 1L << 10));

    private static final Pattern SIZE =
            Pattern.compile("(\\d{1,18})\\s*(?:([KMG])I?B|B)?", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /**
     * The number of bytes written as {@code text}, such as {@code 25MB}.
     *
     * @throws IllegalArgumentException if {@code text} is not in the {@linkplain #ACCEPTED_FORM accepted form}
     */
    public static long parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher size = SIZE.matcher(text.strip());
        if (!size.matches()) {
            throw invalid(text);
        }
        long count = Long.parseLong(size.group(1));
        if (size.group(2) == null) {
            return count;
        }
        String symbol = size.group(2).toUpperCase(Locale.ROOT) + "B";
        long unitBytes = UNITS.stream().filter(u -> u.symbol().equals(symbol)).findFirst().orElseThrow().bytes();
        try {
            return Math.multiplyExact(count, unitBytes);
        } catch (ArithmeticException tooLarge) {
            throw invalid(text);
        }
    }

    /** The shortest exact written form of {@code bytes}: 52428800 is {@code 50MB}, 1000 is {@code 1000}. */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot write a negative size: " + bytes);
        }
        for (Unit unit : UNITS) {
            if (bytes != 0 && bytes % unit.bytes() == 0) {
                return bytes / unit.bytes() + unit.symbol();
            }
        }
        return Long.toString(bytes);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid size '" + text + "': expected " + ACCEPTED_FORM);
    }
}
