package org.sectriage.parse;

import java.io.IOException;
import java.io.InputStream;

/**
 * The raw message as the parser reads it: it ends after the size limit even when the stream goes on,
 * and a failure of the stream itself comes out as a {@link SourceFailure}, so that it is not taken
 * for a defect of the message. The underlying stream is not closed.
 */
final class BoundedSource extends InputStream {

    private final InputStream in;
    private final long limit;
    private long count;
    private boolean probed;
    private boolean cut;

    BoundedSource(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** True when the stream went on past the limit and the rest was not read. */
    boolean wasCut() {
        return cut;
    }

    @Override
    public int read() throws IOException {
        if (atLimit()) {
            return -1;
        }
        int b = guarded(in::read);
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (atLimit()) {
            return -1;
        }
        int allowed = (int) Math.min(length, limit - count);
        int n = guarded(() -> in.read(buffer, offset, allowed));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    private boolean atLimit() throws IOException {
        if (count < limit) {
            return false;
        }
        if (!probed) {
            probed = true;
            cut = guarded(in::read) >= 0;
        }
        return true;
    }

    private static int guarded(Read read) throws SourceFailure {
        try {
            return read.read();
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
    }

    @FunctionalInterface
    private interface Read {
        int read() throws IOException;
    }

    /** A failure to read the stream the message comes from, as opposed to one Mime4J raises for its content. */
    static final class SourceFailure extends IOException {

        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }

        /** The failure of the underlying stream. */
        IOException failure() {
            return (IOException) getCause();
        }
    }
}
