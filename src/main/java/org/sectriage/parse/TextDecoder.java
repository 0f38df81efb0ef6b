package org.sectriage.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The decoding of a text part's bytes by the charset its Content-Type names, the way mail readers do:
 * ISO-8859-1 as its superset windows-1252, and 8-bit text that is labelled US-ASCII or with an
 * unknown charset as UTF-8 when it is valid UTF-8, else as windows-1252.
 */
public final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> ASCII_LABELS = Set.of("us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us");

    private TextDecoder() {
    }

    /**
     * The text of {@code bytes} labelled {@code label} (null for none), decoded by the same rules, for text that
     * comes from no MIME part (the plaintext of an armored block, labelled by its "Charset:" header); what was
     * guessed or replaced is not reported.
     */
    public static String decode(byte[] bytes, String label) {
        return decode(bytes, bytes.length, label, 0, new ParseProblems());
    }

    /**
     * The text of {@code length} bytes labelled {@code label} (null for none). When the bytes end in
     * the middle of a character, as a cut-off text may, that last character is dropped unremarked.
     */
    static String decode(byte[] bytes, int length, String label, int part, ParseProblems problems) {
        String name = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || ASCII_LABELS.contains(name)) {
            if (isAscii(bytes, length)) {
                return new String(bytes, 0, length, StandardCharsets.US_ASCII);
            }
            Charset guess = guess(bytes, length);
            problems.mislabelledCharset(name.isEmpty() ? "us-ascii" : name, part, guess.name());
            return new String(bytes, 0, length, guess);
        }
        Charset declared = lookup(name);
        if (declared == null) {
            Charset guess = guess(bytes, length);
            problems.unknownCharset(name, part, guess.name());
            return new String(bytes, 0, length, guess);
        }
        if (declared.equals(StandardCharsets.ISO_8859_1)) {
            return new String(bytes, 0, length, WINDOWS_1252);
        }
        if (!isValid(bytes, length, declared)) {
            problems.malformedText(declared.name(), part);
        }
        return new String(bytes, 0, length, declared);
    }

    private static Charset lookup(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Charset guess(byte[] bytes, int length) {
        return isValid(bytes, length, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes decode without error, an incomplete character at the very end allowed. */
    private static boolean isValid(byte[] bytes, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(Math.min(length, 8192) + 2);
        while (true) {
            var result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
    }
}
