package org.sectriage.sla;

/** A mail the SLA clock asks for, and the event that records it was sent. */
public enum NoticeKind {
    /** To the primary coordinators: the first response is due soon. */
    REMINDER_BEFORE_DEADLINE(SlaEventType.REMINDED_BEFORE_DEADLINE),
    /** To the primary coordinators: the first response is due now, or overdue. */
    REMINDER_AT_DEADLINE(SlaEventType.REMINDED_AT_DEADLINE),
    /** To the secondary coordinators, with the case history: the reporter has heard nothing for too long. */
    ESCALATION(SlaEventType.ESCALATED),
    /** To the team and the reporter: the embargo (planned disclosure) date is near. */
    DISCLOSURE_REMINDER(SlaEventType.REMINDED_BEFORE_DISCLOSURE);

    private final SlaEventType recordedAs;

    NoticeKind(SlaEventType recordedAs) {
        this.recordedAs = recordedAs;
    }

    /** The event to add to the case's timeline once this notice is sent, so that it is not sent again. */
    public SlaEventType recordedAs() {
        return recordedAs;
    }
}
