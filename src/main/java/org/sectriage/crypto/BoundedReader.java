package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads a decrypted stream into memory, refusing more than a size limit and checking the deadline as it goes. */
final class BoundedReader {

    private final long limit;
    private final Deadline deadline;
    private long total;

    BoundedReader(long limit, Deadline deadline) {
        this.limit = limit;
        this.deadline = deadline;
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
                        "plaintext exceeds the limit of " + limit + " bytes", List.of());
            }
            out.write(buffer, 0, n);
            deadline.check();
        }
        return out.toByteArray();
    }
}
