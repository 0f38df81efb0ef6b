package org.sectriage.domain;

import java.util.regex.Pattern;

/** The subject a case is filed under: the report's subject without reply prefixes and case tags. */
public final class CaseSubject {

    private static final Pattern CASE_TAG = Pattern.compile("\\s*\\[SEC-\\d{4}-\\d{4,}]\\s*");
    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^(?:\\s*(?:re|aw|sv|antw|fw|fwd|wg|tr)\\s*(?:\\[\\d+])?\\s*:\\s*)+",
                    Pattern.CASE_INSENSITIVE);
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
        String s = CASE_TAG.matcher(subject).replaceAll(" ");
        String previous;
        do {
            previous = s;
            s = REPLY_PREFIX.matcher(s).replaceFirst("").strip();
        } while (!s.equals(previous));
        return s.isBlank() ? NONE : s.replaceAll("\\s{2,}", " ");
    }
}
