package org.sectriage.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;

/**
 * A MIME entity kept as its exact bytes (CRLF line endings), so that signed parts can be verified byte for byte;
 * multipart bodies are split at their boundaries without re-serialising anything. Header fields are read here too,
 * not by Jakarta Mail's InternetHeaders, which looks up its stream provider through the class path on every use.
 */
final class RawMimeEntity {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};
    private static final Pattern FOLD = Pattern.compile("\r\n(?=[ \t])");

    private final byte[] bytes;
    private final int bodyStart;
    private final Map<String, String> headers;

    private RawMimeEntity(byte[] bytes) {
        this.bytes = bytes;
        if (bytes.length >= 2 && bytes[0] == '\r' && bytes[1] == '\n') {
            this.bodyStart = 2;
            this.headers = Map.of();
        } else {
            int end = indexOf(bytes, CRLF_CRLF, 0);
            this.bodyStart = end < 0 ? bytes.length : end + 4;
            this.headers = headerFields(new String(bytes, 0, end < 0 ? bytes.length : end, StandardCharsets.ISO_8859_1));
        }
    }

    /** The header fields in {@code text}, unfolded: each name in lower case to the value of its first field. */
    private static Map<String, String> headerFields(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : FOLD.matcher(text).replaceAll(" ").split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** The unfolded value of the first header field {@code name}, or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The entity of a whole message, its line endings first made CRLF as RFC 5322 and RFC 3156 require; it may
     * share {@code raw}, which must not change afterwards.
     */
    static RawMimeEntity ofMessage(byte[] raw) {
        return new RawMimeEntity(toCrlf(raw));
    }

    /** The exact bytes of this entity, headers and body. */
    byte[] bytes() {
        return bytes;
    }

    /** The content type of this entity; text/plain when absent. */
    ContentType contentType() throws MessagingException {
        String value = header("Content-Type");
        return new ContentType(value == null ? "text/plain; charset=us-ascii" : value);
    }

    /** Whether this entity has the given primary/sub type (wildcard sub type "*" allowed). */
    boolean isMimeType(String type) throws MessagingException {
        return contentType().match(type);
    }

    /** The body, with its Content-Transfer-Encoding removed. */
    byte[] decodedBody() throws MessagingException, IOException {
        String encoding = header("Content-Transfer-Encoding");
        InputStream body = new ByteArrayInputStream(bytes, bodyStart, bytes.length - bodyStart);
        if (encoding != null) {
            body = MimeUtility.decode(body, encoding.strip());
        }
        return body.readAllBytes();
    }

    /** The body parts of this multipart entity, each with its exact bytes. */
    List<RawMimeEntity> parts() throws MessagingException {
        String boundary = contentType().getParameter("boundary");
        if (boundary == null) {
            throw new MessagingException("multipart entity without a boundary parameter");
        }
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<RawMimeEntity> parts = new ArrayList<>();
        // the line break ending the headers counts as the one a delimiter starts with
        int at = indexOf(bytes, delimiter, Math.max(0, bodyStart - 2));
        while (at >= 0) {
            int afterDelimiter = at + delimiter.length;
            int lineEnd = indexOf(bytes, CRLF, afterDelimiter);
            boolean close = bytes.length >= afterDelimiter + 2
                    && bytes[afterDelimiter] == '-' && bytes[afterDelimiter + 1] == '-';
            if (close || lineEnd < 0) {
                break;
            }
            int next = indexOf(bytes, delimiter, lineEnd + 2);
            int partEnd = next < 0 ? bytes.length : next;
            parts.add(new RawMimeEntity(Arrays.copyOfRange(bytes, lineEnd + 2, partEnd)));
            at = next;
        }
        return parts;
    }

    /** {@code raw} with each bare LF made CRLF; {@code raw} itself when it has none, as mail read over IMAP. */
    private static byte[] toCrlf(byte[] raw) {
        int bare = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                bare++;
            }
        }
        if (bare == 0) {
            return raw;
        }
        byte[] crlf = new byte[raw.length + bare];
        int j = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                crlf[j++] = '\r';
            }
            crlf[j++] = raw[i];
        }
        return crlf;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
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
