package org.sectriage.classify.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics and values of a CVSS 4.0 vector, as the FIRST specification defines them, used to tell
 * a valid 4.0 vector from a malformed one before it is scored: the scoring library passes over
 * metrics it does not know, and a vector with a typo must not be scored as if it were complete.
 */
final class Cvss4Metrics {

    static final String PREFIX = "CVSS:4.0/";

    private static final List<String> MANDATORY =
            List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");

    private static final Map<String, Set<String>> VALUES = Map.ofEntries(
            Map.entry("AV", Set.of("N", "A", "L", "P")),
            Map.entry("AC", Set.of("L", "H")),
            Map.entry("AT", Set.of("N", "P")),
            Map.entry("PR", Set.of("N", "L", "H")),
            Map.entry("UI", Set.of("N", "P", "A")),
            Map.entry("VC", Set.of("H", "L", "N")),
            Map.entry("VI", Set.of("H", "L", "N")),
            Map.entry("VA", Set.of("H", "L", "N")),
            Map.entry("SC", Set.of("H", "L", "N")),
            Map.entry("SI", Set.of("H", "L", "N")),
            Map.entry("SA", Set.of("H", "L", "N")),
            Map.entry("E", Set.of("X", "A", "P", "U")),
            Map.entry("CR", Set.of("X", "H", "M", "L")),
            Map.entry("IR", Set.of("X", "H", "M", "L")),
            Map.entry("AR", Set.of("X", "H", "M", "L")),
            Map.entry("MAV", Set.of("X", "N", "A", "L", "P")),
            Map.entry("MAC", Set.of("X", "L", "H")),
            Map.entry("MAT", Set.of("X", "N", "P")),
            Map.entry("MPR", Set.of("X", "N", "L", "H")),
            Map.entry("MUI", Set.of("X", "N", "P", "A")),
            Map.entry("MVC", Set.of("X", "H", "L", "N")),
            Map.entry("MVI", Set.of("X", "H", "L", "N")),
            Map.entry("MVA", Set.of("X", "H", "L", "N")),
            Map.entry("MSC", Set.of("X", "H", "L", "N")),
            Map.entry("MSI", Set.of("X", "S", "H", "L", "N")),
            Map.entry("MSA", Set.of("X", "S", "H", "L", "N")),
            Map.entry("S", Set.of("X", "N", "P")),
            Map.entry("AU", Set.of("X", "N", "Y")),
            Map.entry("R", Set.of("X", "A", "U", "I")),
            Map.entry("V", Set.of("X", "D", "C")),
            Map.entry("RE", Set.of("X", "L", "M", "H")),
            Map.entry("U", Set.of("X", "Clear", "Green", "Amber", "Red")));

    private Cvss4Metrics() {
    }

    /** True when {@code vector} is a CVSS 4.0 vector with every base metric once and only known metrics and values. */
    static boolean isValid(String vector) {
        if (!vector.startsWith(PREFIX)) {
            return false;
        }
        Map<String, String> metrics = new HashMap<>();
        for (String part : vector.substring(PREFIX.length()).split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon < 1) {
                return false;
            }
            String metric = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Set<String> allowed = VALUES.get(metric);
            if (allowed == null || !allowed.contains(value) || metrics.put(metric, value) != null) {
                return false;
            }
        }
        return metrics.keySet().containsAll(MANDATORY);
    }
}
