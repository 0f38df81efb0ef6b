package org.sectriage.command;

/** {@code #internal}: this reply is for the team only; its text is not relayed to the reporter. */
final class InternalCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "internal";
    }

    @Override
    public String description() {
        return "this reply stays with the team: its text is not relayed to the reporter";
    }

    @Override
    void apply(CaseChange change) {
        change.markInternal();
        change.log("reply-internal", "the reply's text stays with the team");
    }
}
