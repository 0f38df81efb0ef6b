package org.sectriage.parse;

/**
 * The bounds within which one inbound message is parsed; past any of them the parser stops reading
 * that part of the message and says so in {@link ParsedMessage#problems()}.
 *
 * @param maxMessageSize  bytes; a larger message has only its header parsed
 * @param maxHeaderCount  header fields in any one header (the message's or a part's)
 * @param maxHeaderLength characters in one header field, folded lines included
 * @param maxLineLength   characters in one header line
 * @param maxNestingDepth multiparts inside multiparts, at most {@value #MAX_NESTING_DEPTH}; deeper parts are passed over
 * @param maxBodyText     characters of body text kept
 */
public record ParseLimits(
        long maxMessageSize,
        int maxHeaderCount,
        int maxHeaderLength,
        int maxLineLength,
        int maxNestingDepth,
        int maxBodyText) {

    /**
     * The highest nesting limit allowed: Mime4J reads each level through one more stream, a few stack
     * frames each, and about 1,800 levels overflow a thread's default stack.
     */
    public static final int MAX_NESTING_DEPTH = 500;

    public ParseLimits {
        requirePositive("maxMessageSize", maxMessageSize);
        requirePositive("maxHeaderCount", maxHeaderCount);
        requirePositive("maxHeaderLength", maxHeaderLength);
        requirePositive("maxLineLength", maxLineLength);
        requirePositive("maxNestingDepth", maxNestingDepth);
        requirePositive("maxBodyText", maxBodyText);
        if (maxNestingDepth > MAX_NESTING_DEPTH) {
            throw new IllegalArgumentException("parse limit maxNestingDepth must be at most " + MAX_NESTING_DEPTH
                    + ", got " + maxNestingDepth);
        }
    }

    /**
     * The limits used when the config sets none, the same as the defaults of the config file's
     * {@code limits} section: 50MB, 1000 fields of 65536 characters, 100000-character lines,
     * 50 levels, 1M characters of text.
     */
    public static ParseLimits defaults() {
        return new ParseLimits(50L * 1024 * 1024, 1_000, 65_536, 100_000, 50, 1024 * 1024);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("parse limit " + name + " must be positive, got " + value);
        }
    }
}
