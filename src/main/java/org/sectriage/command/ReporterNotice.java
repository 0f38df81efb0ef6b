package org.sectriage.command;

import java.util.Objects;

/**
 * A message the reporter is owed because of a command: the case was confirmed, rejected (with the
 * reason), is not a security issue, duplicates another case, was fixed (in a version) or disclosed.
 *
 * @param detail the reason, version or original case id the notice carries; null for none
 */
public record ReporterNotice(Kind kind, String detail) {

    /** Which notice; its {@link #label()} can name the mail template. */
    public enum Kind {
        CONFIRMED, REJECTED, NOT_SECURITY, DUPLICATE, FIXED, DISCLOSED;

        /** The lower-case, hyphenated name, e.g. {@code not-security}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public ReporterNotice {
        Objects.requireNonNull(kind, "kind");
    }
}
