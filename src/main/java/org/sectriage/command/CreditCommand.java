package org.sectriage.command;

import java.util.Map;

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

    /** Each opening quote mark, and the marks that close it in the languages that use it. */
    private static final Map<Character, String> CLOSING_QUOTES = Map.ofEntries(
            Map.entry('"', "\""), Map.entry('\'', "'"), Map.entry('“', "”“"), Map.entry('„', "“”"),
            Map.entry('”', "”"), Map.entry('‘', "’‘"), Map.entry('‚', "‘’"), Map.entry('«', "»"),
            Map.entry('»', "«"), Map.entry('‹', "›"), Map.entry('›', "‹"), Map.entry('「', "」"),
            Map.entry('『', "』"));

    /**
     * The name without one pair of quotes around it: straight, typographic in any language's pairing
     * (“…”, „…“, «…», »…«, 「…」…), as mail clients and phones write them.
     */
    private static String unquoted(String argument) {
        String s = argument.strip();
        if (s.length() >= 2) {
            char open = s.charAt(0);
            String closers = CLOSING_QUOTES.get(open);
            if (closers != null && closers.indexOf(s.charAt(s.length() - 1)) >= 0) {
                s = s.substring(1, s.length() - 1).strip();
            }
        }
        return s;
    }
}
