package org.sectriage.command;

/** {@code #no-credit}: the reporter does not want to be named in the advisory. */
final class NoCreditCommand extends SimpleCommand {

    @Override
    public String keyword() {
        return "no-credit";
    }

    @Override
    public String description() {
        return "the reporter is not named in the advisory";
    }

    @Override
    void apply(CaseChange change) {
        Credit credit = Credit.declined();
        change.update(file -> file.withCredit(credit), "credit-set", credit.toString());
    }
}
