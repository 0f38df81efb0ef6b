package org.sectriage.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Reads the Message-ID header out of a raw message's header section, without parsing the rest:
 * the second key, with the content hash, by which a stored message is recognised.
 */
final class RawMessageId {

    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private RawMessageId() {
    }

    /** The Message-ID value, trimmed and unfolded; null when the header section has none. */
    static String find(byte[] raw, int length) {
        int end = Math.min(length, MAX_HEADER_BYTES);
        int lineStart = 0;
        while (lineStart < end) {
            int lineEnd = lineStart;
            while (lineEnd < end && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            String line = new String(raw, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1).stripTrailing();
            if (line.isEmpty()) {
                return null;
            }
            if (line.regionMatches(true, 0, "message-id:", 0, 11)) {
                StringBuilder value = new StringBuilder(line.substring(11).strip());
                int next = lineEnd + 1;
                while (next < end && (raw[next] == ' ' || raw[next] == '\t')) {
                    int nextEnd = next;
                    while (nextEnd < end && raw[nextEnd] != '\n') {
                        nextEnd++;
                    }
                    value.append(new String(raw, next, nextEnd - next, StandardCharsets.ISO_8859_1).strip());
                    next = nextEnd + 1;
                }
                String id = value.toString().strip();
                return id.isEmpty() ? null : id;
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }
}
