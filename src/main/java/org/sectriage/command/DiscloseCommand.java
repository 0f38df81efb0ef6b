package org.sectriage.command;

/** {@code #disclose}: the advisory is public; the reporter is told. */
final class DiscloseCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "disclose";
    }

    @Override
    public String description() {
        return "the advisory is published; the reporter is told";
    }

    @Override
    void apply(CaseChange change) {
        if (change.move(Transition.DISCLOSE, null)) {
            change.notifyReporter(ReporterNotice.Kind.DISCLOSED, null);
        }
    }
}
