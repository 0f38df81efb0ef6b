package org.sectriage.command;

/** {@code #credit "<name>"}: the reporter wants to be credited in the advisory under this name. */
final class CreditCommand implements MaintainerCommand {

    private static final int MAX_LENGTH = 200;

    @Override
    public String keyword() {
        return "credit";
    }

    @Override
    public String argumentSyntax() {
        return "\"<name>\"";
    }

    @Override
    public String description() {
        return "credit the reporter in the advisory under this name";
    }

    @Override
    public Reading read(String argument) {
        String name = unquoted(argument);
        if (name.isEmpty()) {
            return Reading.problem("needs the name to credit, in quotes");
        }
        if (name.length() > MAX_LENGTH) {
            return Reading.problem("needs a name of at most " + MAX_LENGTH + " characters");
        }
        Credit credit = Credit.as(name);
        return Reading.of(change -> change.update(file -> file.withCredit(credit), "credit-set", credit.toString()));
    }

    /** The name without one pair of straight or typographic quotes around it, as phones like to write them. */
    private static String unquoted(String argument) {
        String s = argument.strip();
        if (s.length() >= 2 && "\"“„”'‘’".indexOf(s.charAt(0)) >= 0 && "\"”“'’‘".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
