package org.sectriage.sla;

import java.time.Instant;
import java.util.Objects;

/** One thing that happened in a case at an instant, as the SLA clock sees it. */
public record SlaEvent(Instant at, SlaEventType type) {

    public SlaEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
    }
}
