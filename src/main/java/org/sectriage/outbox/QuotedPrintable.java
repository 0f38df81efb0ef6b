package org.sectriage.outbox;

import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable (RFC 2045) for text that is signed: CRLF line breaks, no line over 76 characters, and
 * nothing a mail server or mailbox file rewrites on the way (RFC 3156 section 3): no trailing white space and no
 * line starting with "From ".
 */
final class QuotedPrintable {

    /** Encoded characters on a line before its soft line break "=". */
    private static final int MAX_LINE = 75;
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QuotedPrintable() {
    }

    /** {@code text} encoded as UTF-8 quoted-printable; its line breaks (CRLF, LF or CR) become CRLF. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            encodeLine(lines[i].getBytes(StandardCharsets.UTF_8), out);
        }
        return out.toString();
    }

    private static void encodeLine(byte[] line, StringBuilder out) {
        int column = 0;
        for (int i = 0; i < line.length; i++) {
            String token = token(line, i, column == 0);
            if (column + token.length() > MAX_LINE) {
                out.append("=\r\n");
                column = 0;
                token = token(line, i, true);
            }
            out.append(token);
            column += token.length();
        }
    }

    /** Byte {@code i} of {@code line} as it is written, literally or as =XX. */
    private static String token(byte[] line, int i, boolean atLineStart) {
        int b = line[i] & 0xff;
        boolean blank = b == ' ' || b == '\t';
        boolean printable = b >= 33 && b <= 126 && b != '=';
        boolean trailingBlank = blank && i == line.length - 1;
        boolean from = atLineStart && startsWithFrom(line, i);
        if ((printable || blank) && !trailingBlank && !from) {
            return String.valueOf((char) b);
        }
        return new String(new char[] {'=', HEX[b >> 4], HEX[b & 0xf]});
    }

    private static boolean startsWithFrom(byte[] line, int at) {
        if (line.length - at < FROM.length) {
            return false;
        }
        for (int j = 0; j < FROM.length; j++) {
            if (line[at + j] != FROM[j]) {
                return false;
            }
        }
        return true;
    }
}
