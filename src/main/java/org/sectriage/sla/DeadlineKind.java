package org.sectriage.sla;

import java.util.Locale;

/** Which promise a deadline keeps. */
public enum DeadlineKind {
    /** The reporter is told the report arrived. */
    ACKNOWLEDGEMENT,
    /** A maintainer's first message to the reporter. */
    FIRST_RESPONSE,
    /** The team's next message to the reporter, before the silence grows too long. */
    NEXT_UPDATE,
    /** The planned public disclosure (the embargo date). */
    DISCLOSURE;

    /** The lower-case, hyphenated name used in the CLI and JSON output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
