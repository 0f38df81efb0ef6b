package org.sectriage.crypto;

import java.time.Duration;
import java.util.Objects;

/**
 * The resources one message may use while it is decrypted.
 *
 * @param maxPlaintextBytes the largest decrypted (and decompressed) size accepted for a message, all its
 *        encrypted parts and blocks together
 * @param timeLimit the longest one message may take to decrypt
 */
public record DecryptionLimits(long maxPlaintextBytes, Duration timeLimit) {

    /** Limits suited to vulnerability reports: 25 MiB of plaintext, 30 seconds. */
    public static final DecryptionLimits DEFAULT = new DecryptionLimits(25L * 1024 * 1024, Duration.ofSeconds(30));

    /** Checks that both limits are positive. */
    public DecryptionLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxPlaintextBytes <= 0) {
            throw new IllegalArgumentException("maxPlaintextBytes must be positive, got " + maxPlaintextBytes);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
    }
}
