package org.sectriage.parse;

/**
 * The removal of control characters from text taken out of a message, so that no line break, NUL or
 * terminal escape a sender put there reaches a header, a log line or a screen.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /**
     * The text on one line: every line break (CR, LF, NEL, U+2028, U+2029) becomes a space, every
     * other control character except tab is removed, and the ends are trimmed.
     */
    static String singleLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * The text with its lines kept: CRLF and lone CR become LF, and every other control character
     * except tab and LF is removed.
     */
    static String multiLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || !isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isLineBreak(char c) {
        return c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** C0 controls except tab, DEL and the C1 controls. */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }
}
