package org.sectriage.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sectriage.domain.EmailAddress;

/**
 * A kind of value a config key takes: how to read it from the key's YAML text, and how to describe
 * it in an error ("expected <description>, got 'text'").
 *
 * @param description what a valid value looks like, completing the sentence "expected ..."
 * @param parser reads the text; throws any RuntimeException (usually IllegalArgumentException) if it is invalid
 */
record ValueType<T>(String description, Function<String, T> parser) {

    /** Text that is not blank. */
    static final ValueType<String> TEXT = new ValueType<>("some text", text -> {
        if (text.isBlank()) {
            throw new IllegalArgumentException("blank");
        }
        return text;
    });

    /** {@code true} or {@code false}; not YAML 1.1's yes/no/on/off, which surprise people. */
    static final ValueType<Boolean> BOOLEAN = new ValueType<>("true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException("not a boolean");
    });

    /** A TCP port. */
    static final ValueType<Integer> PORT = wholeNumber(1, 65535);

    /** A duration longer than zero, such as {@code 48h}. */
    static final ValueType<Duration> DURATION = new ValueType<>(
            "a duration longer than zero, in " + Durations.ACCEPTED_FORM,
            text -> {
                Duration duration = Durations.parse(text);
                if (duration.isZero()) {
                    throw new IllegalArgumentException("zero");
                }
                return duration;
            });

    /** One mailbox address, checked strictly by Jakarta Mail; no display name, no group. */
    static final ValueType<EmailAddress> EMAIL = new ValueType<>("an email address such as security@example.org", text -> {
        try {
            InternetAddress address = new InternetAddress(text, true);
            if (!address.getAddress().equals(text) || address.getPersonal() != null || address.isGroup()) {
                throw new IllegalArgumentException("not a bare address");
            }
            return EmailAddress.of(address.getAddress());
        } catch (AddressException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    });

    /** An absolute http or https URL with a host. */
    static final ValueType<String> HTTP_URL = new ValueType<>("an http or https URL such as https://example.org/security", text -> {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    });

    /** A JDBC URL. */
    static final ValueType<String> JDBC_URL = new ValueType<>("a JDBC URL such as jdbc:h2:file:/var/lib/sectriage/sectriage", text -> {
        if (!text.startsWith("jdbc:") || text.length() <= "jdbc:".length()) {
            throw new IllegalArgumentException("not a JDBC URL");
        }
        return text;
    });

    /** A time zone id known to the JDK. */
    static final ValueType<ZoneId> TIME_ZONE = new ValueType<>("a time zone such as UTC or Europe/Berlin", ZoneId::of);

    /** A file system path, not checked for existence. */
    static final ValueType<Path> PATH = new ValueType<>("a file system path", text -> {
        if (text.isBlank()) {
            throw new IllegalArgumentException("blank");
        }
        return Path.of(text);
    });

    /** A whole number from {@code min} to {@code max}, inclusive. */
    static ValueType<Integer> wholeNumber(int min, int max) {
        String description;
        if (max != Integer.MAX_VALUE) {
            description = "a whole number from " + min + " to " + max;
        } else if (min == 1) {
            description = "a whole number greater than zero";
        } else {
            description = "a whole number, " + min + " or more";
        }
        return new ValueType<>(description, text -> {
            int number = Integer.parseInt(text);
            if (number < min || number > max) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        });
    }

    /** A decimal number from 0 to 1, such as {@code 0.5}. */
    static final ValueType<Double> FRACTION = new ValueType<>("a number from 0 to 1 such as 0.5", text -> {
        double number = Double.parseDouble(text);
        if (!(number >= 0 && number <= 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return number;
    });

    /** A day of the week: MON or MONDAY, in any case. */
    static final ValueType<java.time.DayOfWeek> DAY_OF_WEEK = new ValueType<>(
            "a day of the week such as MON or MONDAY", text -> {
                String day = text.strip().toUpperCase(Locale.ROOT);
                return Arrays.stream(java.time.DayOfWeek.values())
                        .filter(d -> d.name().equals(day) || day.length() == 3 && d.name().startsWith(day))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("not a day"));
            });

    /** A span of working hours such as {@code 09:00-17:00}. */
    static final ValueType<org.sectriage.sla.WorkingSpan> WORKING_SPAN = new ValueType<>(
            "working hours such as 09:00-17:00", org.sectriage.sla.WorkingSpan::parse);

    /** A holiday: a date, or a month and day that is one every year. */
    static final ValueType<org.sectriage.sla.Holidays> HOLIDAY = new ValueType<>(
            "a date such as 2026-12-24, or a month and day such as 12-25 for every year", text -> text.length() == 5
                    ? org.sectriage.sla.Holidays.everyYear(java.util.List.of(java.time.MonthDay.parse("--" + text)))
                    : org.sectriage.sla.Holidays.of(java.util.List.of(java.time.LocalDate.parse(text))));

    /** What a promise counts: calendar, working-hours or working-days. */
    static final ValueType<org.sectriage.sla.TimeBasis> TIME_BASIS = new ValueType<>(
            "one of calendar, working-hours, working-days", org.sectriage.sla.TimeBasis::fromLabel);

    /** A byte count greater than zero and at most {@code max}, such as {@code 25MB}. */
    static ValueType<Long> size(long max) {
        String limit = max == Long.MAX_VALUE ? "" : " (at most " + Sizes.format(max) + ")";
        return new ValueType<>("a size greater than zero" + limit + ": " + Sizes.ACCEPTED_FORM, text -> {
            long bytes = Sizes.parse(text);
            if (bytes <= 0 || bytes > max) {
                throw new IllegalArgumentException("out of range");
            }
            return bytes;
        });
    }

    /** One of the constants of {@code type}, written in lower case with hyphens ({@code STARTTLS} as {@code starttls}). */
    static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(ValueType::written).collect(Collectors.joining(", "));
        return new ValueType<>("one of " + names, text -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> written(constant).equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not one of " + names)));
    }

    /** This type with its value converted by {@code conversion}; the description stays. */
    <R> ValueType<R> map(Function<? super T, ? extends R> conversion) {
        return new ValueType<>(description, parser.andThen(conversion));
    }

    private static String written(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
