package org.sectriage.parse;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * An attachment's file name made safe to show and to store: encoded words decoded, then no
 * directories, no {@code ..}, no control or bidirectional-override characters, no characters that
 * Windows forbids, and at most {@value #MAX_LENGTH} characters with the extension kept.
 */
final class SafeFileName {

    static final int MAX_LENGTH = 200;
    private static final int MAX_EXTENSION = 16;

    private SafeFileName() {
    }

    /**
     * True when making {@code name} safe ({@code safe}) changed more than its encoded words and the
     * spaces around it: the sender's name had directories, control or invisible characters, or was too long.
     */
    static boolean changed(String name, String safe) {
        return name != null && !DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT).strip().equals(safe);
    }

    /** The safe form of {@code name}, or null when nothing of it is left (or it was null). */
    static String of(String name) {
        if (name == null) {
            return null;
        }
        String text = ControlCharacters.singleLine(DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT));
        text = withoutFormatCharacters(text);
        text = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        while (text.contains("..")) {
            text = text.replace("..", ".");
        }
        text = text.replaceAll("[<>:\"|?*]", "_").strip();
        text = stripDotsAndSpaces(text);
        return text.isEmpty() ? null : shortened(text);
    }

    /** Removes the invisible characters that can make a name read differently than it is (U+202E turns "gpj.exe" around). */
    private static String withoutFormatCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> Character.getType(cp) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String stripDotsAndSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '.' || text.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String shortened(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int dot = text.lastIndexOf('.');
        String extension = dot > 0 && text.length() - dot <= MAX_EXTENSION ? text.substring(dot) : "";
        int keep = MAX_LENGTH - extension.length() - 1;
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + "…" + extension;
    }
}
