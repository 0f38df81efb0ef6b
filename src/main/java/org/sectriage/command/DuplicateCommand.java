package org.sectriage.command;

import org.sectriage.domain.CaseId;

/** {@code #duplicate SEC-YYYY-NNNN}: the report duplicates an existing case; the reporter is told. */
final class DuplicateCommand implements MaintainerCommand {

    @Override
    public String keyword() {
        return "duplicate";
    }

    @Override
    public String argumentSyntax() {
        return "SEC-YYYY-NNNN";
    }

    @Override
    public String description() {
        return "the report duplicates that case; the reporter is told";
    }

    @Override
    public Reading read(String argument) {
        if (argument.isEmpty()) {
            return Reading.problem("needs the id of the case it duplicates");
        }
        CaseId original;
        try {
            original = CaseId.parse(argument);
        } catch (IllegalArgumentException e) {
            return Reading.problem("needs a case id like SEC-2026-0042, not '" + argument + "'");
        }
        return Reading.of(change -> apply(change, original));
    }

    private static void apply(CaseChange change, CaseId original) {
        if (original.equals(change.file().id())) {
            change.refuse("cannot name the case itself");
            return;
        }
        if (!change.context().caseExists().test(original)) {
            change.refuse("names " + original + ", and there is no such case");
            return;
        }
        if (change.move(Transition.MARK_DUPLICATE, "of " + original)) {
            change.set(file -> file.withDuplicateOf(original));
            change.notifyReporter(ReporterNotice.Kind.DUPLICATE, original.toString());
        }
    }
}
