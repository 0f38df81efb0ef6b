package org.sectriage.command;

import java.util.List;

/**
 * The commands at the top of a maintainer's reply, read but not applied: either every one valid, or
 * the errors of the lines that were not.
 */
public sealed interface ParsedCommands {

    /** Every command line was valid; {@link MaintainerCommands#apply} applies them in order. */
    record Valid(List<Invocation> invocations) implements ParsedCommands {
        public Valid {
            invocations = List.copyOf(invocations);
        }

        public boolean isEmpty() {
            return invocations.isEmpty();
        }
    }

    /** At least one line was not a valid command; nothing may be applied. */
    record Invalid(List<CommandError> errors) implements ParsedCommands {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
