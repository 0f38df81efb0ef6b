package org.sectriage.sla;

/**
 * What happened in a case, as far as its deadlines go. Each is an entry of the case's event log, of
 * the type {@link #caseEventType()} (or of one of {@link #caseEventTypes()}): the event log is the one
 * record the SLA clock reads.
 */
public enum SlaEventType {
    /** The report arrived and the case was opened. */
    OPENED("case-opened"),
    /** The reporter was told the report arrived (by sectriage, usually at once). */
    ACKNOWLEDGED("acknowledgement-sent"),
    /**
     * A maintainer wrote to the reporter: a response, an update, or a question; relayed, or the mail a
     * command such as {@code #confirm} or {@code #reject} sent the reporter ({@code reporter-told}).
     */
    TEAM_MESSAGE("reply-relayed", "reporter-told"),
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

    private final java.util.List<String> caseEventTypes;

    SlaEventType(String caseEventType, String... alsoRecordedAs) {
        java.util.List<String> types = new java.util.ArrayList<>(java.util.List.of(caseEventType));
        types.addAll(java.util.List.of(alsoRecordedAs));
        this.caseEventTypes = java.util.List.copyOf(types);
    }

    /** The type of the case event that records this when nothing else does, e.g. {@code escalated}. */
    public String caseEventType() {
        return caseEventTypes.get(0);
    }

    /** Every type of case event that records this, {@link #caseEventType()} first. */
    public java.util.List<String> caseEventTypes() {
        return caseEventTypes;
    }

    /** The SLA event a case event of type {@code type} is, if it is one. */
    public static java.util.Optional<SlaEventType> ofCaseEvent(String type) {
        for (SlaEventType t : values()) {
            if (t.caseEventTypes.contains(type)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
