package org.sectriage.command;

import org.sectriage.sla.SlaEventType;

/** {@code #waiting}: the team now waits on the reporter; response clocks stand still until they write. */
final class WaitingCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "waiting";
    }

    @Override
    public String description() {
        return "the team waits on the reporter: SLA clocks pause until the reporter writes";
    }

    @Override
    void apply(CaseChange change) {
        if (!change.file().state().isOpen()) {
            change.refuse("cannot apply to " + Transition.describe(change.file().state())
                    + ": only an open case waits on its reporter");
            return;
        }
        change.log("waiting-on-reporter", "SLA clocks pause until the reporter writes");
        change.sla(SlaEventType.WAITING_ON_REPORTER);
    }
}
