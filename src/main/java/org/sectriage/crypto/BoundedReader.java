package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads decrypted streams into memory, refusing more than a size limit in all and checking the deadline as it
 * goes: one reader serves every encrypted part of a message, so that many blocks, each under the limit, cannot
 * together fill the heap.
 */
final class BoundedReader {

    private final long limit;
    private final Deadline deadline;
    private long total;

    BoundedReader(long limit, Deadline deadline) {
        this.limit = limit;
        this.deadline = deadline;
    }

    /** Throws when the message's time is up. */
    void checkDeadline() throws UndecryptableMessageException {
        deadline.check();
    }

    /** All bytes of {@code in}, counted against the limit shared by every read of this reader. */
    byte[] readAll(InputStream in) throws IOException, UndecryptableMessageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw new UndecryptableMessageException(DecryptionFailure.COMPRESSION_BOMB,
                        "plaintext exceeds the limit of " + limit + " bytes for a message", List.of());
            }
            out.write(buffer, 0, n);
            deadline.check();
        }
        return out.toByteArray();
    }
}
