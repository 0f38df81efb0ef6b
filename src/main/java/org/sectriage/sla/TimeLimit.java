package org.sectriage.sla;

import java.time.Duration;
import java.util.Objects;

/** An amount of time a policy promises, such as 48 hours or 3 business days, and what it counts. */
public record TimeLimit(Duration amount, TimeBasis basis) {

    public TimeLimit {
        Objects.requireNonNull(basis, "basis");
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("a time limit must be zero or more, got " + amount);
        }
    }

    /** {@code amount} of calendar time. */
    public static TimeLimit calendar(Duration amount) {
        return new TimeLimit(amount, TimeBasis.CALENDAR);
    }

    /** This limit shortened by {@code lead}, counted the same way; zero if {@code lead} is longer. */
    public TimeLimit lessBy(Duration lead) {
        Duration rest = amount.minus(lead);
        return new TimeLimit(rest.isNegative() ? Duration.ZERO : rest, basis);
    }

    @Override
    public String toString() {
        return amount + " " + basis.label();
    }
}
