package org.sectriage.domain;

/** Where a case is in its lifecycle: new, acknowledged, triaged, confirmed, fixed, disclosed, closed, or one of the ends. */
public enum CaseState {
    NEW,
    ACKNOWLEDGED,
    TRIAGED,
    CONFIRMED,
    FIXED,
    DISCLOSED,
    REJECTED,
    NOT_SECURITY,
    DUPLICATE,
    CLOSED;

    /** True while the team still owes the reporter work on this case. */
    public boolean isOpen() {
        return switch (this) {
            case NEW, ACKNOWLEDGED, TRIAGED, CONFIRMED, FIXED -> true;
            default -> false;
        };
    }

    /** The lower-case, hyphenated name used in the CLI, the JSON output and the database. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static CaseState fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
