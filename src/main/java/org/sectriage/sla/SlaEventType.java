package org.sectriage.sla;

/**
 * What happened in a case, as far as its deadlines go. Each is an entry of the case's event log, of
 * the type {@link #caseEventType()}: the event log is the one record the SLA clock reads.
 */
public enum SlaEventType {
    /** The report arrived and the case was opened. */
    OPENED("case-opened"),
    /** The reporter was told the report arrived (by sectriage, usually at once). */
    ACKNOWLEDGED("acknowledgement-sent"),
    /** A maintainer wrote to the reporter: a response, an update, or a question. */
    TEAM_MESSAGE("reply-relayed"),
    /** The reporter wrote again, such as a nudge or an answer; it ends a wait on the reporter. */
    REPORTER_MESSAGE("follow-up-received"),
    /** The team now waits on the reporter ({@code #waiting}); response clocks stand still. */
    WAITING_ON_REPORTER("waiting-on-reporter"),
    /** The team no longer waits on the reporter, though the reporter did not write. */
    WAITING_ENDED("waiting-ended"),
    /** The primary coordinators were reminded that the first response is soon due. */
    REMINDED_BEFORE_DEADLINE("reminded-before-deadline"),
    /** The primary coordinators were reminded that the first response is due now. */
    REMINDED_AT_DEADLINE("reminded-at-deadline"),
    /** The team and the reporter were reminded that the embargo date is near. */
    REMINDED_BEFORE_DISCLOSURE("reminded-before-disclosure"),
    /** The case was escalated to the secondary coordinators after a silence. */
    ESCALATED("escalated"),
    /** The advisory was published; the disclosure deadline is met. */
    DISCLOSED("disclosed"),
    /** The case was closed, whatever the outcome. */
    CLOSED("closed"),
    /** A closed case was opened again. */
    REOPENED("reopened");

    private final String caseEventType;

    SlaEventType(String caseEventType) {
        this.caseEventType = caseEventType;
    }

    /** The type of the case event that records this, e.g. {@code escalated}. */
    public String caseEventType() {
        return caseEventType;
    }

    /** The SLA event a case event of type {@code type} is, if it is one. */
    public static java.util.Optional<SlaEventType> ofCaseEvent(String type) {
        for (SlaEventType t : values()) {
            if (t.caseEventType.equals(type)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
