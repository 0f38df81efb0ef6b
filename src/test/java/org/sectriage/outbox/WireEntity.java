package org.sectriage.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.ContentType;

/**
 * A MIME entity read from its raw bytes the way RFC 3156 asks a verifier to read it: headers as text, body parts
 * as the exact bytes between the boundary delimiters (the CRLF before a delimiter belongs to the delimiter).
 */
record WireEntity(String headers, byte[] body) {

    /** The entity in {@code raw}: headers up to the first empty line, the body after it. */
    static WireEntity of(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new AssertionError("no empty line after the headers");
        }
        byte[] body = new byte[raw.length - end - 4];
        System.arraycopy(raw, end + 4, body, 0, body.length);
        return new WireEntity(new String(raw, 0, end, StandardCharsets.US_ASCII), body);
    }

    /** The unfolded value of the first header {@code name}, or null. */
    String header(String name) {
        for (String line : headers.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** The parsed Content-Type header. */
    ContentType contentType() throws Exception {
        return new ContentType(header("Content-Type"));
    }

    /** The entity's bytes again: headers, empty line, body. */
    byte[] bodyWithHeaders() {
        byte[] head = (headers + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** The body as ASCII text. */
    String bodyText() {
        return new String(body, StandardCharsets.US_ASCII);
    }

    /** The exact bytes of each body part of this multipart entity. */
    List<byte[]> parts() throws Exception {
        String boundary = contentType().getParameter("boundary");
        byte[] all = ("\r\n" + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(all, delimiter, 0);
        while (at >= 0 && all[at + delimiter.length] != '-') {
            int start = at + delimiter.length + 2;
            int next = indexOf(all, delimiter, start);
            byte[] part = new byte[next - start];
            System.arraycopy(all, start, part, 0, part.length);
            parts.add(part);
            at = next;
        }
        return parts;
    }

    /** The {@code index}th body part, as an entity. */
    WireEntity part(int index) throws Exception {
        return of(parts().get(index));
    }

    /** Whether the content type is {@code type} (case-insensitive, without parameters). */
    boolean is(String type) throws Exception {
        return contentType().getBaseType().toLowerCase(Locale.ROOT).equals(type);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
