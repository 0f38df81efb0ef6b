package org.sectriage.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sectriage.parse.ContentTypeValue;

/**
 * Puts the decrypted MIME entity of a PGP/MIME message back under the message's own headers (From, To,
 * Subject, Message-ID, threading, Auto-Submitted…), without the outer Content-* fields, which described
 * the encrypted envelope: the message as its sender wrote it.
 *
 * <p>An entity that protects its headers (the {@code protected-headers} parameter of OpenPGP's header
 * protection, or RFC 9788's {@code hp}, as Thunderbird sends them) carries the real Subject inside, and
 * the outer one is a placeholder such as "...": the entity's Subject is then the message's. The outer
 * From, To and threading fields stay first, since they are what the mail servers saw and authenticated.
 */
final class OuterHeaders {

    private OuterHeaders() {
    }

    /** {@code raw}'s header fields but its Content-* ones, then {@code entity} (its own headers and body). */
    static byte[] around(byte[] raw, byte[] entity) {
        boolean innerSubject = protectsSubject(entity);
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
                keep = !line.startsWith("content-") && !(innerSubject && line.startsWith("subject:"));
            }
            if (keep) {
                out.write(raw, lineStart, next - lineStart);
            }
            lineStart = next;
        }
        out.write(entity, 0, entity.length);
        return out.toByteArray();
    }

    /** Whether {@code entity} protects its headers and carries a Subject of its own, the real one. */
    static boolean protectsSubject(byte[] entity) {
        List<String> fields = unfoldedFields(entity);
        boolean subject = fields.stream().anyMatch(f -> f.regionMatches(true, 0, "subject:", 0, 8));
        return subject && fields.stream().filter(f -> f.regionMatches(true, 0, "content-type:", 0, 13)).findFirst()
                .map(f -> ContentTypeValue.parse(f.substring(13)))
                .filter(t -> t.parameter("protected-headers").isPresent() || t.parameter("hp").isPresent())
                .isPresent();
    }

    /** The header fields of {@code entity}, each on one line. */
    private static List<String> unfoldedFields(byte[] entity) {
        List<String> fields = new ArrayList<>();
        for (String line : new String(entity, 0, headerEnd(entity), StandardCharsets.ISO_8859_1).split("\r?\n")) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
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
