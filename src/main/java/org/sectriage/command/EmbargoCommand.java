package org.sectriage.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * {@code #embargo <YYYY-MM-DD>}: the planned public disclosure date; not in the past and not later
 * than the policy's longest embargo allows.
 */
final class EmbargoCommand implements MaintainerCommand {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public String keyword() {
        return "embargo";
    }

    @Override
    public String argumentSyntax() {
        return "<YYYY-MM-DD>";
    }

    @Override
    public String description() {
        return "the planned disclosure date, within the policy's longest embargo";
    }

    @Override
    public Reading read(String argument) {
        if (argument.isEmpty()) {
            return Reading.problem("needs a date");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(argument, DATE);
        } catch (DateTimeParseException e) {
            return Reading.problem("needs a real date written YYYY-MM-DD, not '" + argument + "'");
        }
        return Reading.of(change -> apply(change, date));
    }

    private static void apply(CaseChange change, LocalDate date) {
        CommandContext context = change.context();
        if (!change.file().state().isOpen()) {
            change.refuse("cannot apply to " + Transition.describe(change.file().state())
                    + ": only an open case gets an embargo");
        } else if (date.isBefore(context.today())) {
            change.refuse(date + " is in the past (today is " + context.today() + ")");
        } else if (date.isAfter(context.latestEmbargo())) {
            change.refuse(date + " is later than the policy allows: at most " + context.longestEmbargo().toDays()
                    + " days, so " + context.latestEmbargo() + " at the latest");
        } else {
            change.update(file -> file.withEmbargo(date), "embargo-set", date.toString());
        }
    }
}
