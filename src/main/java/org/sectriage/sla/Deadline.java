package org.sectriage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One promise of a case with its due instant: what is due ({@link DeadlineKind}), when (unknown while
 * paused), when it was met if it was, and whether the case was closed before that.
 *
 * @param due when the promise falls due; null while its clock is paused
 * @param metAt when the promise was kept; null if not yet
 * @param closed true if the case is closed, so an unmet promise is no longer owed
 */
public record Deadline(DeadlineKind kind, Instant due, Instant metAt, boolean closed) {

    public Optional<Instant> dueAt() {
        return Optional.ofNullable(due);
    }

    public Optional<Instant> met() {
        return Optional.ofNullable(metAt);
    }

    /** Where this deadline stands at {@code now}. */
    public DeadlineState state(Instant now) {
        if (metAt != null) {
            Duration late = due != null && metAt.isAfter(due) ? Duration.between(due, metAt) : Duration.ZERO;
            return new DeadlineState.Met(metAt, late);
        }
        if (closed) {
            return new DeadlineState.Moot();
        }
        if (due == null) {
            return new DeadlineState.Paused();
        }
        return now.isBefore(due)
                ? new DeadlineState.DueIn(due, Duration.between(now, due))
                : new DeadlineState.Overdue(due, Duration.between(due, now));
    }

    /** True if at {@code now} this deadline has passed unmet on an open case. */
    public boolean isOverdue(Instant now) {
        return state(now) instanceof DeadlineState.Overdue;
    }
}
