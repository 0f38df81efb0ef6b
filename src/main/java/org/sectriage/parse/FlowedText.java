package org.sectriage.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a {@code format=flowed} part (RFC 3676, as Thunderbird sends plain text by default) as its
 * writer typed it: each paragraph that the client broke into lines ending in a space (soft line breaks)
 * is one line again, the space-stuffing is taken off, and quoted lines keep their quote depth as
 * {@code "> "} prefixes. So a command, a reason or an attribution wrapped at 72 characters is read whole.
 */
final class FlowedText {

    /** The signature separator, which ends in a space but is never flowed. */
    private static final String SIGNATURE_SEPARATOR = "-- ";
    /** The start of a line that may be a command, such as {@code #internal}. */
    private static final java.util.regex.Pattern COMMAND_START = java.util.regex.Pattern.compile("\\s*#[A-Za-z]");

    private FlowedText() {
    }

    /**
     * {@code text} unflowed; with {@code delSp} (the {@code DelSp=yes} parameter) the space before each
     * soft line break was added by the client and is taken off too.
     */
    static String decode(String text, boolean delSp) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : text.split("\r?\n", -1)) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            boolean separator = line.equals(SIGNATURE_SEPARATOR);
            boolean soft = line.endsWith(" ") && !separator;
            // The signature separator is neither flowed nor fixed (RFC 3676, 4.3): it ends an open paragraph.
            // A line that begins like a command is never joined to the one before it, whose trailing space
            // may be a keyboard's: a command that followed it would be lost in the text, #internal with it.
            boolean startsAnew = separator || depth == 0 && COMMAND_START.matcher(line).lookingAt();
            if (paragraph != null && (depth != paragraphDepth || startsAnew)) {
                out.add(quoted(paragraphDepth, paragraph));
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            paragraph.append(soft && delSp ? line.substring(0, line.length() - 1) : line);
            if (!soft) {
                out.add(quoted(depth, paragraph));
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.add(quoted(paragraphDepth, paragraph));
        }
        return String.join("\n", out);
    }

    private static String quoted(int depth, CharSequence text) {
        return depth == 0 ? text.toString() : ">".repeat(depth) + " " + text;
    }
}
