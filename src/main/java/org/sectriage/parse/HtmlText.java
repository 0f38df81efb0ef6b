package org.sectriage.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The readable text of an HTML body: tags and comments dropped, scripts, styles and the title left
 * out, block elements turned into line breaks and character references decoded. Lines are laid out as
 * a mail client shows them: the boundaries of nested or adjacent blocks make one line break, not a blank
 * line each ({@code <div>line</div><div>line</div>}, as Gmail, Apple Mail and Outlook on the web write
 * every line); a blank line comes from a {@code <br>} or an empty block on a line of its own, and around a
 * paragraph ({@code <p>}) but for Word's paragraphs without margins ({@code <p class=MsoNormal>}, every line
 * of Outlook's). The lines of a
 * {@code <blockquote>} are marked {@code > } per level, as a mail client marks a quote when it writes
 * a reply as plain text, so that a quote in an HTML-only reply is known as one. It is a scanner
 * over the markup, nothing more: it never loads, resolves or fetches anything an attribute names.
 */
final class HtmlText {

    private static final Set<String> SKIPPED_ELEMENTS = Set.of("script", "style", "title", "template");
    private static final Set<String> LINE_BREAKING = Set.of(
            "br", "p", "div", "tr", "li", "ul", "ol", "table", "blockquote", "pre", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "dd", "dt");
    private static final Map<String, String> NAMED_REFERENCES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("shy", ""), Map.entry("copy", "©"),
            Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("hellip", "…"), Map.entry("mdash", "—"),
            Map.entry("ndash", "–"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("bull", "•"),
            Map.entry("middot", "·"), Map.entry("euro", "€"), Map.entry("rarr", "→"), Map.entry("larr", "←"));

    /** The class of Word's paragraph styles (MsoNormal, MsoListParagraph, MsoPlainText), which have no margins above or below. */
    private static final Pattern WORD_PARAGRAPH = Pattern.compile("(?i)\\sclass\\s*=\\s*[\"']?Mso");

    private final String html;
    private final StringBuilder out;
    private int pos;
    private boolean preformatted;
    private int quoteDepth;
    /** Where the text of the current line begins in {@code out}, after its quote marks. */
    private int lineStart;
    private boolean previousLineBlank = true;
    /** Whether a paragraph with margins ({@code <p>}, not Word's) is open: its end leaves a blank line too. */
    private boolean inParagraph;

    private HtmlText(String html) {
        this.html = html;
        this.out = new StringBuilder(html.length() / 2);
    }

    /** The text a reader would see in {@code html}, with at most one blank line in a row. */
    static String toPlainText(String html) {
        HtmlText scanner = new HtmlText(html);
        scanner.scan();
        return scanner.out.toString()
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private void scan() {
        while (pos < html.length()) {
            char c = html.charAt(pos);
            if (c == '<' && startsMarkup()) {
                markup();
            } else if (c == '&') {
                reference();
            } else if (Character.isWhitespace(c) && !preformatted) {
                space();
                pos++;
            } else if (c == '\n') {
                newLine();
                pos++;
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private boolean startsMarkup() {
        if (pos + 1 >= html.length()) {
            return false;
        }
        char next = html.charAt(pos + 1);
        return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    private void markup() {
        if (html.startsWith("<!--", pos)) {
            int end = html.indexOf("-->", pos + 4);
            pos = end < 0 ? html.length() : end + 3;
            return;
        }
        int start = pos;
        int end = endOfTag(pos);
        boolean closing = html.charAt(pos + 1) == '/';
        String name = tagName(closing ? pos + 2 : pos + 1, end);
        pos = end + 1;
        if (!closing && SKIPPED_ELEMENTS.contains(name)) {
            int close = indexOfIgnoringCase("</" + name, pos);
            pos = close < 0 ? html.length() : endOfTag(close) + 1;
            return;
        }
        if (name.equals("pre")) {
            preformatted = !closing;
        }
        if (name.equals("blockquote")) {
            quoteDepth = closing ? Math.max(0, quoteDepth - 1) : quoteDepth + 1;
        }
        if (name.equals("br")) {
            newLine();
        } else if (name.equals("p") && (closing ? inParagraph : !isWordParagraph(start, end))) {
            inParagraph = !closing;
            paragraphBreak();
        } else if (LINE_BREAKING.contains(name)) {
            lineBreak();
        } else if (!closing && (name.equals("td") || name.equals("th"))) {
            space();
        }
    }

    /** Whether the tag between {@code start} and {@code end} is one of Word's (Outlook's) paragraphs, a line without margins. */
    private boolean isWordParagraph(int start, int end) {
        return WORD_PARAGRAPH.matcher(html.substring(start, end)).find();
    }

    /** Ends the current line, unless nothing is written on it yet: adjacent block boundaries make one line break. */
    private void lineBreak() {
        if (out.length() > lineStart) {
            newLine();
        } else {
            requote();
        }
    }

    /** Ends the current line and leaves a blank one after it, unless one is there already. */
    private void paragraphBreak() {
        lineBreak();
        if (!previousLineBlank) {
            newLine();
        }
    }

    /** A new line, marked as quoted as deep as the blockquotes around it; a blank one when the line had no text. */
    private void newLine() {
        previousLineBlank = out.length() == lineStart;
        out.append('\n');
        out.append("> ".repeat(quoteDepth));
        lineStart = out.length();
    }

    /** The quote marks of a line that has no text yet, made as deep as the blockquotes around it now. */
    private void requote() {
        out.setLength(out.lastIndexOf("\n", lineStart - 1) + 1);
        out.append("> ".repeat(quoteDepth));
        lineStart = out.length();
    }

    private int indexOfIgnoringCase(String needle, int from) {
        for (int i = from; i + needle.length() <= html.length(); i++) {
            if (html.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code >} that ends the tag starting at {@code start}, quoted attribute values skipped. */
    private int endOfTag(int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return html.length() - 1;
    }

    private String tagName(int start, int end) {
        int i = start;
        while (i < end && i < html.length() && (Character.isLetterOrDigit(html.charAt(i)))) {
            i++;
        }
        return html.substring(start, Math.min(i, html.length())).toLowerCase(Locale.ROOT);
    }

    private void reference() {
        int semicolon = html.indexOf(';', pos);
        if (semicolon > pos + 1 && semicolon - pos <= 12) {
            String replacement = decode(html.substring(pos + 1, semicolon));
            if (replacement != null) {
                out.append(replacement);
                pos = semicolon + 1;
                return;
            }
        }
        out.append('&');
        pos++;
    }

    private static String decode(String reference) {
        if (reference.startsWith("#")) {
            try {
                boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
                int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
                return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED_REFERENCES.get(reference);
    }

    private void space() {
        if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
    }
}
