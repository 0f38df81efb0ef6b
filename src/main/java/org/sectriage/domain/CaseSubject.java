package org.sectriage.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The subject a case is filed under: the report's subject without reply prefixes and case tags. */
public final class CaseSubject {

    private static final Pattern CASE_TAG = Pattern.compile("\\s*\\[SEC-\\d{4}-\\d{4,}]\\s*");
    /** One reply or forward prefix; removed one at a time, so no input can make the matcher recurse deeply. */
    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^\\s*(?:re|aw|sv|antw|fw|fwd|wg|tr)\\s*(?:\\[\\d{1,6}])?\\s*:",
                    Pattern.CASE_INSENSITIVE);
    /** Longest subject a case is filed under; the rest is cut. */
    static final int MAX_LENGTH = 500;
    public static final String NONE = "(no subject)";

    private CaseSubject() {
    }

    /**
     * The subject of a new case opened by a message with {@code subject}: any case tag (which
     * belongs to another case) and leading Re:/Fwd: prefixes removed; {@value #NONE} if nothing is left.
     */
    public static String of(String subject) {
        if (subject == null) {
            return NONE;
        }
        String s = CASE_TAG.matcher(subject).replaceAll(" ").strip();
        Matcher prefix = REPLY_PREFIX.matcher(s);
        int start = 0;
        while (prefix.region(start, s.length()).lookingAt()) {
            start = prefix.end();
        }
        s = s.substring(start).strip().replaceAll("\\s{2,}", " ");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH - 1) + "…";
        }
        return s.isBlank() ? NONE : s;
    }
}
