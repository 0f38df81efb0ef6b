package org.sectriage.command;

import java.util.Objects;

/** One valid command line of a reply, ready to apply: where it stood, what it said, and what it does. */
public final class Invocation {

    /** What one command does to a case, given its already-checked argument. */
    @FunctionalInterface
    interface Action {
        void applyTo(CaseChange change);
    }

    private final int line;
    private final String keyword;
    private final String text;
    private final Action action;

    Invocation(int line, String keyword, String text, Action action) {
        this.line = line;
        this.keyword = Objects.requireNonNull(keyword, "keyword");
        this.text = Objects.requireNonNull(text, "text");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** The line number in the reply, from 1. */
    public int line() {
        return line;
    }

    /** The command's keyword without the hash, in lower case, e.g. {@code severity}. */
    public String keyword() {
        return keyword;
    }

    /** The line as written, without surrounding blanks, e.g. {@code #severity high}. */
    public String text() {
        return text;
    }

    Action action() {
        return action;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + text;
    }
}
