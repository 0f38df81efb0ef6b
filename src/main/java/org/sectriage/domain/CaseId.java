package org.sectriage.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The public identifier of a case, {@code SEC-YYYY-NNNN}: the year it was opened and a number within that year. */
public record CaseId(int year, int number) implements Comparable<CaseId> {

    private static final Pattern ID = Pattern.compile("SEC-(\\d{4})-(\\d{4,})");
    private static final Pattern TAG = Pattern.compile("\\[(SEC-\\d{4}-\\d{4,})]");
    /** A case id in text, with all its digits, not inside a longer word. */
    private static final Pattern WHOLE_ID = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + ID.pattern() + "(?!\\d)");

    public CaseId {
        if (year < 1970 || year > 9999) {
            throw new IllegalArgumentException("case year out of range: " + year);
        }
        if (number < 1) {
            throw new IllegalArgumentException("case number must be positive: " + number);
        }
    }

    /** Parses {@code SEC-2026-0042}; throws {@link IllegalArgumentException} naming the bad input. */
    public static CaseId parse(String text) {
        Matcher m = ID.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a case id: '" + text + "' (expected SEC-YYYY-NNNN)");
        }
        return new CaseId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * The first valid case tag {@code [SEC-YYYY-NNNN]} in a subject line, if any; a tag that only
     * looks like one (year 1900, number 0, too many digits) is passed over.
     */
    public static Optional<CaseId> findTag(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(subject);
        while (m.find()) {
            try {
                return Optional.of(parse(m.group(1)));
            } catch (IllegalArgumentException notACaseId) {
                // keep looking: a later tag may be valid
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code text} names this case by its whole id: not the start of a longer one ({@code SEC-2026-00012}
     * does not name {@code SEC-2026-0001}), nor the end of a longer word.
     */
    public boolean isNamedIn(String text) {
        Matcher m = WHOLE_ID.matcher(text == null ? "" : text);
        while (m.find()) {
            if (m.group().equals(toString())) {
                return true;
            }
        }
        return false;
    }

    /** The tag that sectriage puts in subject lines, {@code [SEC-2026-0042]}. */
    public String tag() {
        return "[" + this + "]";
    }

    @Override
    public String toString() {
        String n = Integer.toString(number);
        return "SEC-" + year + (n.length() < 4 ? "-0000".substring(0, 5 - n.length()) : "-") + n;
    }

    @Override
    public int compareTo(CaseId o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
    }
}
