package org.sectriage.command;

/** {@code #reject <reason>}: the report is not a vulnerability; the reporter gets the reason. */
final class RejectCommand implements MaintainerCommand {

    @Override
    public String keyword() {
        return "reject";
    }

    @Override
    public String argumentSyntax() {
        return "<reason>";
    }

    @Override
    public String description() {
        return "the report is not a vulnerability; the reporter gets the reason";
    }

    @Override
    public Reading read(String reason) {
        if (reason.isEmpty()) {
            return Reading.problem("needs a reason");
        }
        return Reading.of(change -> {
            if (change.move(Transition.REJECT, reason)) {
                change.notifyReporter(ReporterNotice.Kind.REJECTED, reason);
            }
        });
    }
}
