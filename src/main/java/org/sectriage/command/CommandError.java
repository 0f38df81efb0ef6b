package org.sectriage.command;

/**
 * What was wrong with one command line of a maintainer's reply, in words that name the line and show
 * the right form, e.g. {@code line 2: #reject needs a reason: #reject <reason>}.
 */
public record CommandError(int line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
