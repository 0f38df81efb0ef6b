package org.sectriage.sla;

import java.time.Duration;
import java.time.Instant;

/** Calendar time: every instant counts, nights, weekends and holidays included. */
public enum CalendarTime implements WorkingTime {
    INSTANCE;

    @Override
    public Instant add(Instant start, Duration amount) {
        return start.plus(amount);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return Duration.between(from, to);
    }
}
