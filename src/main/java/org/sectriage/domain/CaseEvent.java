package org.sectriage.domain;

import java.time.Instant;

/**
 * One entry of a case's event log: who did what, when, and a short detail. The detail never holds
 * report content; it says what happened ("acknowledgement queued to reporter").
 */
public record CaseEvent(CaseId caseId, Instant at, String actor, String type, String detail) {

    /** The actor name used for things sectriage did by itself. */
    public static final String SYSTEM = "sectriage";
}
