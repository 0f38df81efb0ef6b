package org.sectriage.command;

import static org.sectriage.domain.CaseState.ACKNOWLEDGED;
import static org.sectriage.domain.CaseState.CLOSED;
import static org.sectriage.domain.CaseState.CONFIRMED;
import static org.sectriage.domain.CaseState.DISCLOSED;
import static org.sectriage.domain.CaseState.DUPLICATE;
import static org.sectriage.domain.CaseState.FIXED;
import static org.sectriage.domain.CaseState.NEW;
import static org.sectriage.domain.CaseState.NOT_SECURITY;
import static org.sectriage.domain.CaseState.REJECTED;
import static org.sectriage.domain.CaseState.TRIAGED;

import java.util.Set;
import org.sectriage.domain.CaseState;

/**
 * The case lifecycle, in one table: each move a command can make, the states it may start from, the
 * state it leads to, and the rule a refused move quotes.
 *
 * <pre>
 *   new -> acknowledged -> triaged -> confirmed -> fixed -> disclosed -> closed
 *                                 \-> rejected | not-security | duplicate -> closed
 *   closed, disclosed, rejected, not-security, duplicate -> (reopen) -> triaged
 * </pre>
 *
 * A decision on a new or acknowledged case (confirm, reject, not-security, duplicate) triages it
 * first, and so does any assessment ({@code #severity}, {@code #cvss}, {@code #cwe}, {@code #assign}).
 * Acknowledgement is sectriage's own doing, never a command's.
 */
enum Transition {
    TRIAGE(TRIAGED, "case-triaged", Set.of(NEW, ACKNOWLEDGED), "only a new or acknowledged case is triaged"),
    CONFIRM(CONFIRMED, "case-confirmed", Set.of(TRIAGED), "only a case still in triage can be confirmed"),
    REJECT(REJECTED, "case-rejected", Set.of(TRIAGED), "only a case still in triage can be rejected"),
    NOT_SECURITY_ISSUE(NOT_SECURITY, "case-not-security", Set.of(TRIAGED),
            "only a case still in triage can be found not to be a security issue"),
    MARK_DUPLICATE(DUPLICATE, "case-duplicate", Set.of(TRIAGED), "only a case still in triage can be a duplicate"),
    FIX(FIXED, "case-fixed", Set.of(CONFIRMED), "only a confirmed case can be fixed"),
    DISCLOSE(DISCLOSED, "case-disclosed", Set.of(FIXED), "only a fixed case can be disclosed"),
    CLOSE(CLOSED, "case-closed", Set.of(DISCLOSED, REJECTED, NOT_SECURITY, DUPLICATE),
            "a case is closed once it is disclosed, rejected, not a security issue or a duplicate"),
    REOPEN(TRIAGED, "case-reopened", Set.of(CLOSED, DISCLOSED, REJECTED, NOT_SECURITY, DUPLICATE),
            "only a closed or decided case can be reopened");

    private final CaseState target;
    private final String eventType;
    private final Set<CaseState> from;
    private final String rule;

    Transition(CaseState target, String eventType, Set<CaseState> from, String rule) {
        this.target = target;
        this.eventType = eventType;
        this.from = from;
        this.rule = rule;
    }

    CaseState target() {
        return target;
    }

    String eventType() {
        return eventType;
    }

    /** The rule a refused move quotes, e.g. "only a confirmed case can be fixed". */
    String rule() {
        return rule;
    }

    boolean allowedFrom(CaseState state) {
        return from.contains(state);
    }

    /** True for a decision that triages a new or acknowledged case before it is made. */
    boolean triagesFirst() {
        return from.equals(Set.of(TRIAGED));
    }

    /** "a rejected case", "an acknowledged case": the state in words for messages. */
    static String describe(CaseState state) {
        String label = state.label();
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label + " case";
    }
}
