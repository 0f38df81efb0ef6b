package org.sectriage.command;

/** A command that takes no argument, such as {@code #confirm}: anything after the keyword is an error. */
abstract class SimpleCommand implements MaintainerCommand {

    @Override
    public final String argumentSyntax() {
        return "";
    }

    @Override
    public final Reading read(String argument) {
        if (!argument.isEmpty()) {
            return Reading.problem("takes nothing after it");
        }
        return Reading.of(this::apply);
    }

    /** What the command does to the case. */
    abstract void apply(CaseChange change);
}
