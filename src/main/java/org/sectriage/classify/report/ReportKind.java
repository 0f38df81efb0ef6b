package org.sectriage.classify.report;

import java.util.Locale;

/**
 * What an inbound message is, as far as its content goes. In the daemon a follow-up is decided by
 * threading, which knows the cases; offline, a message that answers our mail or names a case is one.
 */
public enum ReportKind {
    SECURITY, NOT_SECURITY, SPAM, AUTO_REPLY, BOUNCE, FOLLOW_UP;

    /** The kind's name as written in JSON, e.g. {@code not-security}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
