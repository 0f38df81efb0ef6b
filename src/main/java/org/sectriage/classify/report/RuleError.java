package org.sectriage.classify.report;

/**
 * One mistake in a rules file: the file, the 1-based line (0 when it has none), the dotted key it
 * concerns (empty for the file as a whole), and what is wrong.
 */
public record RuleError(String file, int line, String key, String message) {

    /** The error as shown to an admin, e.g. {@code rules.yaml line 12, key classes.xss.severity: expected ...}. */
    @Override
    public String toString() {
        String where = file + (line > 0 ? " line " + line : "") + (key.isEmpty() ? "" : ", key " + key);
        return where + ": " + message;
    }
}
