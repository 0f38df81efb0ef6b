package org.sectriage.parse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/** Hostile or huge messages made at test time, so that no fixture file has to hold them. */
final class GeneratedMail {

    private static final String HEADER = """
            From: Mara Lindqvist <mara.lindqvist@fastmail.se>
            To: security@example.org
            Subject: generated
            Date: Tue, 3 Jun 2025 14:02:11 +0200
            Message-ID: <generated@fastmail.se>
            MIME-Version: 1.0
            """;

    private GeneratedMail() {
    }

    /**
     * Multiparts nested {@code depth} deep, with a text/plain part "innermost" at the bottom and a
     * text/plain part "outer note" after the first nested multipart: a parser that descends all the
     * way meets "innermost" first.
     */
    static String nestedMultiparts(int depth) {
        StringBuilder opening = new StringBuilder(HEADER);
        for (int level = 1; level <= depth; level++) {
            opening.append("Content-Type: multipart/mixed; boundary=\"").append(boundary(level)).append("\"\n\n")
                    .append("--").append(boundary(level)).append('\n');
        }
        opening.append("Content-Type: text/plain; charset=us-ascii\n\ninnermost\n");
        StringBuilder closing = new StringBuilder();
        for (int level = depth; level >= 1; level--) {
            if (level == 1) {
                closing.append("--").append(boundary(1)).append('\n')
                        .append("Content-Type: text/plain; charset=us-ascii\n\nouter note\n");
            }
            closing.append("--").append(boundary(level)).append("--\n");
        }
        return opening.append(closing).toString();
    }

    private static String boundary(int level) {
        return String.format("=_level_%05d_=", level);
    }

    /** A message whose header has {@code count} X-Filler fields after its usual ones, then a short body. */
    static String withHeaderFields(int count) {
        StringBuilder text = new StringBuilder(HEADER).append("Content-Type: text/plain; charset=us-ascii\n");
        for (int i = 0; i < count; i++) {
            text.append("X-Filler-").append(i).append(": filler\n");
        }
        return text.append("\nthe body\n").toString();
    }

    /**
     * A message with a short text and an attachment of {@code decodedSize} zero bytes in base64,
     * generated as it is read: the stream never holds more than one line.
     */
    static InputStream withZeroAttachment(long decodedSize) {
        if (decodedSize % 3 != 0) {
            throw new IllegalArgumentException("decoded size must be a multiple of 3, got " + decodedSize);
        }
        String head = HEADER + """
                Content-Type: multipart/mixed; boundary="attachment-boundary"

                --attachment-boundary
                Content-Type: text/plain; charset=us-ascii

                The core dump is attached.
                --attachment-boundary
                Content-Type: application/octet-stream; name="core.dump"
                Content-Disposition: attachment; filename="core.dump"
                Content-Transfer-Encoding: base64

                """;
        long fullLines = decodedSize / 57;
        int lastLineChars = (int) (decodedSize % 57) / 3 * 4;
        String tail = "A".repeat(lastLineChars) + "\n--attachment-boundary--\n";
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)),
                new RepeatedLine(("A".repeat(76) + "\n").getBytes(StandardCharsets.US_ASCII), fullLines),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.US_ASCII)))));
    }

    /** One line of bytes, repeated a given number of times, made as it is read. */
    private static final class RepeatedLine extends InputStream {

        private final byte[] line;
        private final long total;
        private long position;

        RepeatedLine(byte[] line, long repeats) {
            this.line = line;
            this.total = line.length * repeats;
        }

        @Override
        public int read() {
            return position < total ? line[(int) (position++ % line.length)] : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = line[(int) ((position + i) % line.length)];
            }
            position += n;
            return n;
        }
    }
}
