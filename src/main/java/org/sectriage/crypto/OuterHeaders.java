package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts the decrypted MIME entity of a PGP/MIME message back under the message's own headers (From, To,
 * Subject, Message-ID, threading, Auto-Submitted…), without the outer Content-* fields, which described
 * the encrypted envelope: the message as its sender wrote it.
 */
final class OuterHeaders {

    private OuterHeaders() {
    }

    /** {@code raw}'s header fields but its Content-* ones, then {@code entity} (its own headers and body). */
    static byte[] around(byte[] raw, byte[] entity) {
        int end = headerEnd(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end + entity.length);
        boolean keep = true;
        int lineStart = 0;
        while (lineStart < end) {
            int lineEnd = lineStart;
            while (lineEnd < end && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = Math.min(lineEnd + 1, end);
            boolean continuation = raw[lineStart] == ' ' || raw[lineStart] == '\t';
            if (!continuation) {
                String line = new String(raw, lineStart, Math.min(next - lineStart, 64), StandardCharsets.ISO_8859_1)
                        .toLowerCase(java.util.Locale.ROOT);
                keep = !line.startsWith("content-");
            }
            if (keep) {
                out.write(raw, lineStart, next - lineStart);
            }
            lineStart = next;
        }
        out.write(entity, 0, entity.length);
        return out.toByteArray();
    }

    /** The offset just after the header block's last line (the blank line is not included). */
    private static int headerEnd(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i + 1 < raw.length && raw[i + 1] == '\n'
                    || i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return raw.length;
    }
}
