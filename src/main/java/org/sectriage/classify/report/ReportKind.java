package org.sectriage.classify.report;

import java.util.Locale;

/**
 * What an inbound message is, as far as its content goes. A follow-up to an existing case is not
 * among them: that is decided by threading, which knows the cases.
 */
public enum ReportKind {
    SECURITY, NOT_SECURITY, SPAM, AUTO_REPLY, BOUNCE;

    /** The kind's name as written in JSON, e.g. {@code not-security}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
