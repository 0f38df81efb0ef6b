package org.sectriage.command;

import java.util.List;

/**
 * What became of a reply's commands: all applied, giving the new case file and what to carry out, or
 * refused, with every error found; a refused batch changes nothing.
 */
public sealed interface CommandOutcome {

    /** Every command was applied; store {@code caseFile} and carry out {@code effects}. */
    record Applied(CaseFile caseFile, Effects effects) implements CommandOutcome {
    }

    /** Nothing was applied; tell the maintainer the {@code errors} (and, usefully, the help text). */
    record Refused(List<CommandError> errors) implements CommandOutcome {
        public Refused {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs at least one error");
            }
            errors = List.copyOf(errors);
        }

        /** The errors, one a line, as they are written back to the maintainer. */
        public String message() {
            return String.join("\n", errors.stream().map(CommandError::toString).toList());
        }
    }
}
