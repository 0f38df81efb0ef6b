package org.sectriage.classify.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versions of the project that get security fixes: release series such as {@code 2.4} and
 * {@code 2.5} (a version is in a series when it is the series or starts with it and a dot), and/or an
 * oldest supported version from which every newer one is supported. With neither, every version is
 * supported and nothing is flagged.
 *
 * @param series         supported release series, e.g. {@code ["2.4", "2.5"]}
 * @param oldestSupported the oldest supported version, or null; "latest only" with latest release
 *                       3.1.0 is {@code oldestSupported = "3.1.0"}
 */
public record SupportedVersions(List<String> series, String oldestSupported) {

    public SupportedVersions {
        series = List.copyOf(series);
        series.forEach(SupportedVersions::requireVersion);
        if (oldestSupported != null) {
            requireVersion(oldestSupported);
        }
    }

    /** Every version is supported. */
    public static SupportedVersions unrestricted() {
        return new SupportedVersions(List.of(), null);
    }

    /** Only the release series {@code series}, e.g. {@code "2.4", "2.5"}. */
    public static SupportedVersions series(String... series) {
        return new SupportedVersions(List.of(series), null);
    }

    /** {@code oldest} and every newer version, e.g. {@code 2.4} for "2.4 and later". */
    public static SupportedVersions from(String oldest) {
        return new SupportedVersions(List.of(), oldest);
    }

    /**
     * The supported versions written as a policy lists them: {@code "2.4"} a series, {@code ">=2.4"} or
     * {@code "2.4+"} that version and newer, {@code "latest=3.1.0"} the latest release and newer; a bare
     * {@code "latest"} names no number and so restricts nothing.
     *
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public static SupportedVersions parse(List<String> entries) {
        List<String> series = new ArrayList<>();
        String oldest = null;
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.equalsIgnoreCase("latest")) {
                continue;
            }
            if (entry.startsWith(">=")) {
                oldest = entry.substring(2).strip();
            } else if (entry.endsWith("+")) {
                oldest = entry.substring(0, entry.length() - 1).strip();
            } else if (entry.toLowerCase(java.util.Locale.ROOT).startsWith("latest=")) {
                oldest = entry.substring("latest=".length()).strip();
            } else {
                series.add(entry);
            }
        }
        return new SupportedVersions(series, oldest);
    }

    /** True when fixes are made for {@code version}, e.g. {@code 2.4.7}. */
    public boolean supports(String version) {
        if (series.isEmpty() && oldestSupported == null) {
            return true;
        }
        boolean inSeries = series.stream().anyMatch(s -> version.equals(s) || version.startsWith(s + "."));
        return inSeries || (oldestSupported != null && compare(version, oldestSupported) >= 0);
    }

    /**
     * The first of the versions a report names that is not supported, when the report names no
     * supported one; empty when it names none or any supported one (a report on "2.3.1 to 2.5.0" still
     * concerns a supported version).
     */
    public Optional<String> unsupportedAmong(List<String> named) {
        if (named.isEmpty() || named.stream().anyMatch(this::supports)) {
            return Optional.empty();
        }
        return Optional.of(named.get(0));
    }

    /** Compares dotted version numbers part by part, a missing part counting as 0. */
    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static void requireVersion(String version) {
        if (!version.matches("\\d{1,9}(?:\\.\\d{1,9})*")) {
            throw new IllegalArgumentException("supported version '" + version
                    + "' is not a dotted version number such as 2.4 or 2.4.1");
        }
    }
}
