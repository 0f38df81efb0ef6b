package org.sectriage.crypto;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Tells whether the plaintext of an inline block is a MIME entity rather than text: what Mailvelope encrypts when a
 * mail has attachments (a multipart/mixed entity, its headers first), and what a reader such as Mailvelope's own
 * shows as the message it holds. It is one when it starts with a header block (after blank lines at most) that
 * ends in an empty line, whose first field is one of a MIME entity's own, so that a forwarded mail quoted as text
 * ("From: …" first) stays text, and that declares itself MIME: a {@code multipart/*} Content-Type or a
 * MIME-Version field, so that a pasted HTTP response ("Content-Type: text/html", a blank line, the page) stays
 * text too.
 */
final class MimeEntityPlaintext {

    /** How much of the plaintext is read for its header block at most. */
    private static final int HEAD_LIMIT = 16 * 1024;
    private static final Pattern FIELD = Pattern.compile("[!-9;-~]+:.*");
    private static final Pattern FIRST_FIELD =
            Pattern.compile("(?i)(mime-version|content-type|content-transfer-encoding)\\s*:.*");
    private static final Pattern MIME_DECLARATION =
            Pattern.compile("(?i)(?:content-type\\s*:\\s*multipart/.*|mime-version\\s*:.*)");

    private MimeEntityPlaintext() {
    }

    /** Whether {@code plaintext} is a MIME entity by the rule above. */
    static boolean is(byte[] plaintext) {
        String head = new String(plaintext, 0, Math.min(plaintext.length, HEAD_LIMIT), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i == lines.length || !FIRST_FIELD.matcher(lines[i]).matches()) {
            return false;
        }
        boolean declared = false;
        for (; i < lines.length - 1; i++) { // the last piece may be cut by the limit: it proves nothing
            String line = lines[i];
            if (line.isEmpty()) {
                return declared;
            }
            if (FIELD.matcher(line).matches()) {
                declared |= MIME_DECLARATION.matcher(line).matches();
            } else if (line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                return false;
            }
        }
        return false;
    }
}
