package org.sectriage.classify.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How serious a reported vulnerability is, from none to critical; the order of the constants is their level. */
public enum Severity {
    NONE, LOW, MEDIUM, HIGH, CRITICAL;

    /** The severity's name as written in rules and JSON, e.g. {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity labelled {@code label} (any case); empty when there is none. */
    public static Optional<Severity> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(label.strip())).findFirst();
    }

    /** The qualitative rating of a CVSS base score, as in the CVSS 3.1 and 4.0 specifications. */
    public static Severity ofCvssScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0.0 ? LOW : NONE;
    }

    /** This severity moved {@code levels} up (or down, when negative), kept between {@code floor} and {@code ceiling}. */
    public Severity movedBy(int levels, Severity floor, Severity ceiling) {
        int level = Math.max(floor.ordinal(), Math.min(ceiling.ordinal(), ordinal() + levels));
        return values()[level];
    }
}
