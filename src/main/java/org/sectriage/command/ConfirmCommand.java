package org.sectriage.command;

/** {@code #confirm}: the report is a real vulnerability; the reporter is told. */
final class ConfirmCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "confirm";
    }

    @Override
    public String description() {
        return "the report is a vulnerability; the reporter is told";
    }

    @Override
    void apply(CaseChange change) {
        if (change.move(Transition.CONFIRM, null)) {
            change.notifyReporter(ReporterNotice.Kind.CONFIRMED, null);
        }
    }
}
