package org.sectriage.command;

/** {@code #close}: nothing more to do on a disclosed, rejected, not-security or duplicate case. */
final class CloseCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "close";
    }

    @Override
    public String description() {
        return "close a disclosed, rejected, not-security or duplicate case";
    }

    @Override
    void apply(CaseChange change) {
        change.move(Transition.CLOSE, null);
    }
}
