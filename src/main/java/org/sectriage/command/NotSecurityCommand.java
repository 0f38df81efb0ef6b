package org.sectriage.command;

/** {@code #not-security}: a bug, but not a security issue; the reporter is pointed to the public tracker. */
final class NotSecurityCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "not-security";
    }

    @Override
    public String description() {
        return "not a security issue; the reporter is sent to the public tracker";
    }

    @Override
    void apply(CaseChange change) {
        if (change.move(Transition.NOT_SECURITY_ISSUE, null)) {
            change.notifyReporter(ReporterNotice.Kind.NOT_SECURITY, null);
        }
    }
}
