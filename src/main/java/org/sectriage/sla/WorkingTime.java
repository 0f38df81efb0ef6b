package org.sectriage.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A way of counting time that only some instants count towards: every instant (calendar time), the
 * working hours of a business calendar, or those less the pauses of a case.
 */
public interface WorkingTime {

    /** The instant at which {@code amount} of counted time has passed since {@code start}. */
    Instant add(Instant start, Duration amount);

    /** The counted time from {@code from} to {@code to}; negative if {@code to} is before {@code from}. */
    Duration between(Instant from, Instant to);
}
