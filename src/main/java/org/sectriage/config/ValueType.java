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
