package org.sectriage.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The .eml files under {@code src/test/resources/mail/}, and messages parsed from them or from text. */
public final class MailFixtures {

    private MailFixtures() {
    }

    /** The raw bytes of the named fixture, e.g. {@code dsn-bounce-postfix.eml}. */
    public static byte[] bytes(String name) {
        try (InputStream in = MailFixtures.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture src/test/resources/mail/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named fixture parsed with the default limits. */
    public static ParsedMessage parse(String name) {
        return parse(bytes(name), ParseLimits.defaults());
    }

    /** A message written out in {@code text} (lines may end in LF only), parsed with the default limits. */
    public static ParsedMessage parseText(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), ParseLimits.defaults());
    }

    public static ParsedMessage parse(byte[] raw, ParseLimits limits) {
        try {
            return new MimeParser(limits).parse(new java.io.ByteArrayInputStream(raw), raw.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
