package org.sectriage.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The instant by which the decryption of one message must be finished. */
final class Deadline {

    private final Clock clock;
    private final Instant end;
    private final Duration limit;

    private Deadline(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
        this.end = clock.instant().plus(limit);
    }

    /** A deadline {@code limit} from now on {@code clock}. */
    static Deadline after(Clock clock, Duration limit) {
        return new Deadline(clock, limit);
    }

    /** Throws when the deadline has passed. */
    void check() throws UndecryptableMessageException {
        if (clock.instant().isAfter(end)) {
            throw new UndecryptableMessageException(DecryptionFailure.TIME_LIMIT_EXCEEDED,
                    "decryption took longer than " + limit, java.util.List.of());
        }
    }
}
