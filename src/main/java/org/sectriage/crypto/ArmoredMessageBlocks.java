package org.sectriage.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds ASCII-armored OpenPGP message blocks in text, including armor mangled by HTML or quoted-printable. */
final class ArmoredMessageBlocks {

    static final String BEGIN = "-----BEGIN PGP MESSAGE-----";
    static final String END = "-----END PGP MESSAGE-----";
    private static final String CHARSET_HEADER = "Charset:";

    private static final Pattern BLOCK = Pattern.compile(
            Pattern.quote(BEGIN) + "(.*?)" + Pattern.quote(END), Pattern.DOTALL);
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<\\s*(br|/p|/div|p|div)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Quote marks, as a mail client puts them before the lines of the mail it replies to. */
    private static final Pattern QUOTE_MARKS = Pattern.compile("[ \t]*(>[ \t]?)+");
    private static final Pattern BLOCKQUOTE_TAG = Pattern.compile("(?i)<\\s*(/?)\\s*blockquote\\b");
    private static final Pattern QUOTE_MARKS_AT_LINE_START = Pattern.compile("(?m)^[ \t]*(>[ \t]?)+");

    /**
     * One armored block: where it is in the text, the armor itself, rebuilt in canonical form, whether it is
     * quoted from an earlier mail (after quote marks in text, inside a blockquote in HTML), and the quote marks
     * before its lines in text ("> ", "> > "), else empty.
     */
    record Block(int start, int end, String armor, boolean quoted, String quotePrefix) {

        /** The charset the armor's "Charset:" header names for the text it encrypts; null when it names none. */
        String charset() {
            return armor.lines().skip(1).takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, CHARSET_HEADER, 0, CHARSET_HEADER.length()))
                    .map(line -> line.substring(CHARSET_HEADER.length()).strip())
                    .findFirst().orElse(null);
        }
    }

    private ArmoredMessageBlocks() {
    }

    /** Whether {@code text} contains the start of an armored OpenPGP message. */
    static boolean containsMessage(String text) {
        return text.contains(BEGIN);
    }

    /** The armored message blocks in {@code text}, in order; {@code html} when the text is HTML markup. */
    static List<Block> find(String text, boolean html) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        BlockquoteDepth blockquotes = html ? new BlockquoteDepth(text) : null;
        while (m.find()) {
            String inner = m.group(1);
            String quotePrefix = "";
            boolean quoted = false;
            if (html) {
                inner = HtmlEntities.unescape(TAG.matcher(LINE_BREAK_TAG.matcher(inner).replaceAll("\n")).replaceAll(""));
                quoted = blockquotes.insideAt(m.start());
            } else {
                String beforeOnItsLine = quoteMarksBefore(text, m.start());
                if (beforeOnItsLine != null && QUOTE_MARKS.matcher(beforeOnItsLine).matches()) {
                    quotePrefix = beforeOnItsLine.stripLeading();
                    quoted = true;
                    inner = QUOTE_MARKS_AT_LINE_START.matcher(inner).replaceAll("");
                }
            }
            blocks.add(new Block(m.start(), m.end(), canonical(inner), quoted, quotePrefix));
        }
        return blocks;
    }

    /**
     * The blockquote elements of {@code html} read so far, opened and not closed: read on from where the last block
     * left off, not again from the start, so that many blocks in one HTML part do not each read all before them.
     */
    private static final class BlockquoteDepth {

        private final Matcher tag;
        private int readTo;
        private int depth;

        BlockquoteDepth(String html) {
            this.tag = BLOCKQUOTE_TAG.matcher(html);
        }

        /** Whether more blockquote elements are open than closed before {@code position}, which only grows. */
        boolean insideAt(int position) {
            tag.region(readTo, position);
            while (tag.find()) {
                depth += tag.group(1).isEmpty() ? 1 : -1;
            }
            readTo = position;
            return depth > 0;
        }
    }

    /**
     * What stands before {@code position} on its line when it is nothing but blanks and quote marks (the only
     * text {@link #QUOTE_MARKS} can match), else null: read backwards no further than those characters, so that
     * many blocks on one long line do not each read the line again from its start.
     */
    private static String quoteMarksBefore(String text, int position) {
        int start = position;
        while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t'
                || text.charAt(start - 1) == '>')) {
            start--;
        }
        return start == 0 || text.charAt(start - 1) == '\n' ? text.substring(start, position) : null;
    }

    /** Rebuilds armor from its inner lines: headers, one blank line, the base64 lines and the checksum. */
    private static String canonical(String inner) {
        StringBuilder armor = new StringBuilder(BEGIN).append('\n');
        boolean inHeaders = true;
        StringBuilder body = new StringBuilder();
        for (String raw : inner.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (body.length() > 0 || !inHeaders) {
                    inHeaders = false;
                }
                continue;
            }
            if (inHeaders && body.length() == 0 && line.matches("[A-Za-z-]+: .*")) {
                armor.append(line).append('\n');
            } else {
                inHeaders = false;
                body.append(line).append('\n');
            }
        }
        return armor.append('\n').append(body).append(END).append('\n').toString();
    }
}
