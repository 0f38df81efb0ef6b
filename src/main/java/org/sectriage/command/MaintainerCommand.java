package org.sectriage.command;

/**
 * One command a maintainer can put at the top of a reply, such as {@code #reject <reason>}: its
 * keyword, its syntax, what it does, and how it reads its argument. Each command is a small class;
 * the {@link CommandRegistry} finds them by keyword.
 */
interface MaintainerCommand {

    /** The keyword without the hash, in lower case, e.g. {@code reject}. */
    String keyword();

    /** How the argument is written, e.g. {@code <reason>}; empty for a command without one. */
    String argumentSyntax();

    /** One line saying what the command does, for {@code #help}. */
    String description();

    /** The full syntax, e.g. {@code #reject <reason>}. */
    default String syntax() {
        return argumentSyntax().isEmpty() ? "#" + keyword() : "#" + keyword() + " " + argumentSyntax();
    }

    /** Reads {@code argument} (stripped, empty when none was given): what to do, or what is wrong with it. */
    Reading read(String argument);

    /** The result of reading a command's argument: an action to apply, or a problem to answer. */
    record Reading(Invocation.Action action, String problem) {

        static Reading of(Invocation.Action action) {
            return new Reading(action, null);
        }

        /** A problem, worded to follow the command's name, e.g. "needs a reason". */
        static Reading problem(String problem) {
            return new Reading(null, problem);
        }

        boolean isValid() {
            return action != null;
        }
    }
}
