package org.sectriage.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command lines at the top of a reply and the text below them. The block is every line from the
 * top that looks like a command ({@code #word}, possibly followed by an argument), blank lines between
 * them included; it ends at the first other line. Whether a {@code #word} is a known command is for
 * the {@link CommandRegistry} to say.
 */
public final class CommandBlock {

    private static final Pattern COMMAND_LINE = Pattern.compile("#([A-Za-z][A-Za-z0-9-]*)(?:\\s+(.*))?");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    /** Spaces that mail clients type or make (Apple Mail, iOS, Outlook, HTML's {@code &#160;}) for a space. */
    private static final Pattern TYPED_SPACE = Pattern.compile("[\u00A0\u2007\u202F\u3000]");
    /** Characters that show nothing: a byte-order mark, zero-width spaces and joiners, the word joiner. */
    private static final Pattern INVISIBLE = Pattern.compile("[\uFEFF\u200B\u200C\u200D\u2060]");
    /**
     * How long a line must be to have been wrapped by a client that breaks plain text at its line width (mutt
     * or vim at 72, Gmail's plain-text mode at 78, Outlook at 76), without {@code format=flowed}.
     */
    private static final int WRAPPED_LINE_LENGTH = 60;
    /** A line that begins a quote, an attribution or a signature, which never continues a command's argument. */
    private static final Pattern NOT_A_CONTINUATION = Pattern.compile("^(?:>.*|-- ?|.*[:：])$");

    /** One line of the block: its number in the reply (from 1), its keyword in lower case and its argument. */
    public record Line(int number, String keyword, String argument, String text) {
    }

    private final List<Line> lines;
    private final List<String> all;
    private final int firstTextLine;

    private CommandBlock(List<Line> lines, List<String> all, int firstTextLine) {
        this.lines = List.copyOf(lines);
        this.all = all;
        this.firstTextLine = firstTextLine;
    }

    /**
     * The block at the top of {@code body}, a reply's plain text, read as its writer saw it: a no-break or
     * other typed space is a space and an invisible character is none, so that {@code #internal} followed
     * by a no-break space is the command it looks like, not text to relay to the reporter; and a
     * cleartext-signed reply as the text it signs ({@link ClearsignedText}).
     */
    public static CommandBlock of(String body) {
        List<String> all = ClearsignedText.unwrapped(splitLines(asSeen(body == null ? "" : body)));
        List<Line> lines = new ArrayList<>();
        int firstTextLine = 1;
        int i = 0;
        while (i < all.size()) {
            String text = all.get(i).strip();
            if (!text.isEmpty()) {
                Line line = parseLine(i + 1, text);
                if (line == null) {
                    break;
                }
                while (!line.argument().isEmpty() && continuesOnto(all, i)) {
                    i++;
                    line = parseLine(line.number(), line.text() + " " + all.get(i).strip());
                }
                lines.add(line);
                firstTextLine = i + 2;
            }
            i++;
        }
        return new CommandBlock(lines, all, firstTextLine);
    }

    /**
     * Whether line {@code i} (from 0) was wrapped onto the next by a client that breaks plain text at its line
     * width: it is that long, and the next line follows at once with more words, not a command, a quote, an
     * attribution or a signature. So a reason wrapped by mutt or Gmail's plain-text mode is read whole and
     * its tail is not relayed to the reporter.
     */
    private static boolean continuesOnto(List<String> all, int i) {
        if (i + 1 >= all.size() || all.get(i).strip().length() < WRAPPED_LINE_LENGTH) {
            return false;
        }
        String next = all.get(i + 1).strip();
        return !next.isEmpty() && parseLine(i + 2, next) == null && !NOT_A_CONTINUATION.matcher(next).matches();
    }

    /** {@code text} with typed spaces made spaces and invisible characters taken out. */
    static String asSeen(String text) {
        return INVISIBLE.matcher(TYPED_SPACE.matcher(text).replaceAll(" ")).replaceAll("");
    }

    /** The lines of {@code text}, split at CRLF, CR or LF. */
    public static List<String> splitLines(String text) {
        return List.of(LINE_BREAK.split(text, -1));
    }

    /** {@code text} read as a command line, or null when it does not look like one. */
    static Line parseLine(int number, String text) {
        Matcher m = COMMAND_LINE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String argument = m.group(2) == null ? "" : m.group(2).strip();
        return new Line(number, m.group(1).toLowerCase(Locale.ROOT), argument, text.strip());
    }

    public List<Line> lines() {
        return lines;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The number (from 1) of the first line after the block: where the maintainer's text begins. */
    public int firstTextLine() {
        return firstTextLine;
    }

    /** Every line of the reply after the block, as written but for typed spaces and invisible characters. */
    public List<String> remainingLines() {
        return all.subList(Math.min(firstTextLine - 1, all.size()), all.size());
    }

    /** The reply without its command block. */
    public String remainder() {
        return String.join("\n", remainingLines());
    }
}
