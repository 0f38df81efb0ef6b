package org.sectriage.sla;

import java.time.Instant;

/**
 * A stretch of time in which a case's response clocks stand still because the team waits on the
 * reporter; {@code until} is null while the wait goes on.
 */
public record Pause(Instant from, Instant until) {

    public Pause {
        if (from == null) {
            throw new IllegalArgumentException("a pause needs a start");
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("pause ends (" + until + ") before it starts (" + from + ")");
        }
    }
}
