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
            boolean literal = isLiteral(line, i, column == 0);
            if (column + (literal ? 1 : 3) > MAX_LINE) {
                out.append("=\r\n");
                column = 0;
                literal = isLiteral(line, i, true);
            }
            int b = line[i] & 0xff;
            if (literal) {
                out.append((char) b);
                column++;
            } else {
                out.append('=').append(HEX[b >> 4]).append(HEX[b & 0xf]);
                column += 3;
            }
        }
    }

    /** Whether byte {@code i} of {@code line} is written as it is rather than as =XX. */
    private static boolean isLiteral(byte[] line, int i, boolean atLineStart) {
        int b = line[i] & 0xff;
        boolean blank = b == ' ' || b == '\t';
        boolean printable = b >= 33 && b <= 126 && b != '=';
        boolean trailingBlank = blank && i == line.length - 1;
        boolean from = atLineStart && b == 'F' && startsWithFrom(line, i);
        return (printable || blank) && !trailingBlank && !from;
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
