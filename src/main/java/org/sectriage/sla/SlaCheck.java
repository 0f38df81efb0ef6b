package org.sectriage.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the SLA clock asks for on one case at one instant: the notices due now, and when to look at
 * the case next if nothing about it changes (empty: not until it changes).
 */
public record SlaCheck(List<Notice> due, Optional<Instant> nextCheck) {

    /** Nothing due, and nothing to look at until the case changes. */
    public static final SlaCheck NOTHING = new SlaCheck(List.of(), Optional.empty());

    public SlaCheck {
        due = List.copyOf(due);
    }
}
