package org.sectriage.domain;

/** What an inbound message is, as far as answering it goes. */
public enum MessageKind {
    /** A report, or anything else written by a person to the security address. */
    REPORT,
    /** A later message in the thread of an existing case, written by a person. */
    FOLLOW_UP,
    /** Written by a person but not about security (a bug, a feature request, a support question): pointed to the tracker. */
    NOT_SECURITY,
    /** Marketing and other unsolicited mail: recorded, opens no case, never answered. */
    SPAM,
    /** An automatic reply (RFC 3834 Auto-Submitted, vacation notices, Precedence bulk/junk/list). */
    AUTO_REPLY,
    /** A delivery status notification (RFC 3464) or other bounce. */
    BOUNCE,
    /** Mail that carries our own X-Loop header: a loop that must end here. */
    LOOP;

    /** True for mail written by a machine, which is recorded but never answered. */
    public boolean isAutomated() {
        return this == AUTO_REPLY || this == BOUNCE || this == LOOP;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
