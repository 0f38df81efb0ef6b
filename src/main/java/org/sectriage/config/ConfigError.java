package org.sectriage.config;

import java.util.Objects;

/**
 * One mistake in a config file: the dotted key it concerns, the 1-based line where it was found,
 * and what is wrong, written so that the fix is obvious.
 *
 * <p>{@code key} is empty for mistakes about the file as a whole (not YAML, empty); {@code line} is
 * 0 when the mistake has no line of its own, such as a required key that is missing (its message then
 * names the line of the section it belongs in).
 */
public record ConfigError(String key, int line, String message) {

    public ConfigError {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** The error as shown to an admin, such as {@code config key mailbox.port at line 12: expected ...}. */
    @Override
    public String toString() {
        String where = key.isEmpty() ? "config" : "config key " + key;
        return line > 0 ? where + " at line " + line + ": " + message : where + ": " + message;
    }
}
