package org.sectriage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Time as a policy counts it, less the pauses of one case: the clock of that case's response deadlines. */
public final class PausedTime {

    private final WorkingTime counted;
    private final List<Pause> pauses;

    /** {@code counted} time without {@code pauses}, which must not overlap. */
    public PausedTime(WorkingTime counted, List<Pause> pauses) {
        this.counted = counted;
        this.pauses = pauses.stream().sorted(Comparator.comparing(Pause::from)).toList();
    }

    /**
     * The instant at which {@code amount} of counted, unpaused time has passed since {@code start}; empty
     * if a pause that has not ended yet comes first, so the instant is not known.
     */
    public Optional<Instant> add(Instant start, Duration amount) {
        Instant cursor = start;
        Duration remaining = amount;
        for (Pause pause : pauses) {
            if (pause.until() != null && !pause.until().isAfter(cursor)) {
                continue;
            }
            Instant candidate = counted.add(cursor, remaining);
            if (!candidate.isAfter(pause.from())) {
                return Optional.of(candidate);
            }
            if (pause.from().isAfter(cursor)) {
                remaining = remaining.minus(counted.between(cursor, pause.from()));
            }
            if (pause.until() == null) {
                return Optional.empty();
            }
            cursor = pause.until();
        }
        return Optional.of(counted.add(cursor, remaining));
    }
}
