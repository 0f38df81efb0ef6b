package org.sectriage.outbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeUtility;

/**
 * A MIME entity exactly as it goes on the wire: its header lines (folded, 7-bit) and its body, CRLF throughout.
 * What is signed is these bytes, so nothing may encode them again on the way.
 *
 * @param headers the header lines, each "Name: value" without its line break
 * @param body the body, 7-bit, lines ending in CRLF
 */
record MimeEntity(List<String> headers, byte[] body) {

    private static final byte[] CRLF = {'\r', '\n'};

    MimeEntity {
        headers = List.copyOf(headers);
    }

    /** A header line {@code name: value}, folded at white space to lines of at most 76 characters. */
    static String header(String name, String value) {
        return MimeUtility.fold(0, name + ": " + value).replaceAll("\r?\n", "\r\n");
    }

    /** A text/plain UTF-8 entity holding {@code text}, quoted-printable. */
    static MimeEntity text(String text) {
        return new MimeEntity(List.of(
                header("Content-Type", "text/plain; charset=UTF-8"),
                header("Content-Transfer-Encoding", "quoted-printable")),
                QuotedPrintable.encode(text).getBytes(StandardCharsets.US_ASCII));
    }

    /** The entity's bytes: its header lines, an empty line, its body. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
        for (String line : headers) {
            out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** {@code bytes} with each bare LF made CRLF, as armor written on Unix needs for the wire. */
    static byte[] crlf(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 32);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(bytes[i]);
        }
        return out.toByteArray();
    }
}
