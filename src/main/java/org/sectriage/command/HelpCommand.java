package org.sectriage.command;

/** {@code #help}: the sender gets this list of commands. */
final class HelpCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "help";
    }

    @Override
    public String description() {
        return "send me this list";
    }

    @Override
    void apply(CaseChange change) {
        change.requestHelp();
    }
}
