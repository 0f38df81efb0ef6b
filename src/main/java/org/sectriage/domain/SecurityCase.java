package org.sectriage.domain;

import java.time.Instant;

/** A case as stored: one report and everything that followed it. */
public record SecurityCase(CaseId id, CaseState state, String subject, EmailAddress reporter,
                           Instant openedAt, Instant updatedAt, boolean encrypted, String flags) {

    public SecurityCase withState(CaseState newState, Instant at) {
        return new SecurityCase(id, newState, subject, reporter, openedAt, at, encrypted, flags);
    }
}
