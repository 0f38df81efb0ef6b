package org.sectriage.sla;

/** What happened in a case, as far as its deadlines go. */
public enum SlaEventType {
    /** The report arrived and the case was opened. */
    OPENED,
    /** The reporter was told the report arrived (by sectriage, usually at once). */
    ACKNOWLEDGED,
    /** A maintainer wrote to the reporter: a response, an update, or a question. */
    TEAM_MESSAGE,
    /** The reporter wrote again, such as a nudge or an answer; it ends a wait on the reporter. */
    REPORTER_MESSAGE,
    /** The team now waits on the reporter ({@code #waiting}); response clocks stand still. */
    WAITING_ON_REPORTER,
    /** The team no longer waits on the reporter, though the reporter did not write. */
    WAITING_ENDED,
    /** The primary coordinators were reminded that the first response is soon due. */
    REMINDED_BEFORE_DEADLINE,
    /** The primary coordinators were reminded that the first response is due now. */
    REMINDED_AT_DEADLINE,
    /** The case was escalated to the secondary coordinators after a silence. */
    ESCALATED,
    /** The advisory was published; the disclosure deadline is met. */
    DISCLOSED,
    /** The case was closed, whatever the outcome. */
    CLOSED,
    /** A closed case was opened again. */
    REOPENED
}
