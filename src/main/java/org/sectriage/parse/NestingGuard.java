package org.sectriage.parse;

import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * The nesting limit Mime4J lacks: a count of how deeply multiparts nest as the token stream walks a
 * message which, past the limit, puts the stream into raw mode so that the inner parts are passed over
 * unparsed. Attached messages are never descended into, so only multiparts count.
 */
final class NestingGuard {

    /** How the stream reads parts within the limit: multiparts descended into, attached messages kept whole. */
    static final RecursionMode WITHIN_LIMIT = RecursionMode.M_NO_RECURSE;

    private final MimeTokenStream tokens;
    private final int maxDepth;
    private final ParseProblems problems;
    private int depth;
    private int rawFromDepth;

    NestingGuard(MimeTokenStream tokens, int maxDepth, ParseProblems problems) {
        this.tokens = tokens;
        this.maxDepth = maxDepth;
        this.problems = problems;
    }

    /** Called at the start of a multipart: past the limit, its parts will come as raw entities. */
    void enterMultipart() {
        depth++;
        if (depth > maxDepth && rawFromDepth == 0) {
            rawFromDepth = depth;
            tokens.setRecursionMode(RecursionMode.M_RAW);
            problems.nestingTooDeep(maxDepth);
        }
    }

    /** Called at the end of a multipart: leaving the one that went raw brings back normal parsing. */
    void leaveMultipart() {
        if (depth == rawFromDepth) {
            rawFromDepth = 0;
            tokens.setRecursionMode(WITHIN_LIMIT);
        }
        depth--;
    }
}
