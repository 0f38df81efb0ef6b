package org.sectriage.command;

/** {@code #reopen}: a closed or decided case goes back to triage; a duplicate link is dropped. */
final class ReopenCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "reopen";
    }

    @Override
    public String description() {
        return "take a closed or decided case back to triage";
    }

    @Override
    void apply(CaseChange change) {
        if (change.move(Transition.REOPEN, null)) {
            change.set(file -> file.withDuplicateOf(null));
        }
    }
}
