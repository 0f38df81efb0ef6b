package org.sectriage.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The limits exceeded and defects met while parsing one message, each said once in words, at most
 * {@value #MAX_LISTED} of them. The sentences never quote the message's text, only its structure.
 */
final class ParseProblems {

    static final int MAX_LISTED = 50;

    private final Set<String> sentences = new LinkedHashSet<>();
    private int unlisted;

    void messageTooLarge(long size, long limit) {
        add("message is " + approximate(size) + ", over the " + approximate(limit) + " limit: body not parsed");
    }

    void messageCutAtLimit(long limit) {
        add("message is longer than the " + approximate(limit) + " limit: the rest not parsed");
    }

    void tooManyHeaderFields(int limit) {
        add("more than " + limit + " header fields: the rest of the message ignored");
    }

    void headerFieldTooLong(int limit) {
        add("header field longer than " + limit + " characters: the rest of the message ignored");
    }

    void lineTooLong(int limit) {
        add("line longer than " + limit + " characters: the rest of the message ignored");
    }

    void nestingTooDeep(int limit) {
        add("MIME nesting deeper than " + limit + " levels: inner parts not parsed");
    }

    void unreadableStructure(int partsRead, Exception e) {
        add("MIME structure unreadable after part " + partsRead + " (" + e.getClass().getSimpleName()
                + "): the rest of the message ignored");
    }

    void multipartWithoutBoundary() {
        add("multipart without its boundary: read as plain text");
    }

    void unknownCharset(String label, int part, String usedInstead) {
        add("unknown charset '" + shown(label) + "' in part " + part + ": decoded as " + usedInstead);
    }

    void mislabelledCharset(String label, int part, String usedInstead) {
        add("8-bit text labelled '" + shown(label) + "' in part " + part + ": decoded as " + usedInstead);
    }

    void malformedText(String charset, int part) {
        add("invalid " + charset + " in part " + part + ": undecodable bytes replaced");
    }

    void unknownTransferEncoding(String encoding, int part) {
        add("unknown transfer encoding '" + shown(encoding) + "' in part " + part + ": read as it is");
    }

    void unsafeFileName(int part, String safeName) {
        add("attachment name in part " + part + " changed to be safe to show and store: '"
                + (safeName == null ? "" : shown(safeName)) + "'");
    }

    void tooManyAttachments(int limit) {
        add("more than " + limit + " attachments: the rest not listed");
    }

    void missingHeader(String name) {
        add("missing " + name);
    }

    void unparseableHeader(String name) {
        add("unparseable " + name);
    }

    void unparseableAddress(String headerName) {
        add("unparseable address in " + headerName + ": skipped");
    }

    /** The sentences in the order the problems were met. */
    List<String> list() {
        List<String> all = new ArrayList<>(sentences);
        if (unlisted > 0) {
            all.add(unlisted + " more problems not listed");
        }
        return List.copyOf(all);
    }

    private void add(String sentence) {
        if (sentences.contains(sentence)) {
            return;
        }
        if (sentences.size() < MAX_LISTED) {
            sentences.add(sentence);
        } else {
            unlisted++;
        }
    }

    /** A label taken from the message, made safe and short enough to quote in a sentence. */
    private static String shown(String label) {
        String safe = ControlCharacters.singleLine(label);
        return safe.length() <= 40 ? safe : safe.substring(0, 40) + "…";
    }

    /** A byte count the way people say it, in binary units: {@code 120 MB}, {@code 1.5 KB}, {@code 300 bytes}. */
    static String approximate(long bytes) {
        String[] units = {"KB", "MB", "GB", "TB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + units[unit];
    }
}
