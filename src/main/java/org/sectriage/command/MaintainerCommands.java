package org.sectriage.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maintainers driving a case by mail: reads the commands at the top of a reply and applies them to a
 * {@link CaseFile}, all or nothing. Plain Java; the caller authenticates the reply, loads and stores
 * the case file, and carries out the {@link Effects}.
 *
 * <pre>
 *   CommandOutcome outcome = commands.process(replyText, caseFile, context);
 *   if (outcome instanceof CommandOutcome.Applied applied) { store applied.caseFile(), carry out applied.effects() }
 *   else reply to the maintainer with ((CommandOutcome.Refused) outcome).message() and the help text
 * </pre>
 */
public final class MaintainerCommands {

    private final CommandRegistry registry;

    public MaintainerCommands(CommandRegistry registry) {
        this.registry = registry;
    }

    /** The commands sectriage knows. */
    public static MaintainerCommands standard() {
        return new MaintainerCommands(CommandRegistry.standard());
    }

    public CommandRegistry registry() {
        return registry;
    }

    /** Every command with its syntax, as {@code #help} sends it. */
    public String helpText() {
        return registry.helpText();
    }

    /**
     * Reads the command block at the top of {@code replyText}: every line checked, every error
     * reported; unknown {@code #words} are errors. A reply without commands gives an empty valid list.
     */
    public ParsedCommands parse(String replyText) {
        List<Invocation> invocations = new ArrayList<>();
        List<CommandError> errors = new ArrayList<>();
        for (CommandBlock.Line line : CommandBlock.of(replyText).lines()) {
            Optional<MaintainerCommand> command = registry.find(line.keyword());
            if (command.isEmpty()) {
                errors.add(new CommandError(line.number(), unknown(line.keyword())));
                continue;
            }
            MaintainerCommand.Reading reading = command.get().read(line.argument());
            if (reading.isValid()) {
                invocations.add(new Invocation(line.number(), line.keyword(), line.text(), reading.action()));
            } else {
                errors.add(new CommandError(line.number(),
                        "#" + line.keyword() + " " + reading.problem() + ": " + command.get().syntax()));
            }
        }
        return errors.isEmpty() ? new ParsedCommands.Valid(invocations) : new ParsedCommands.Invalid(errors);
    }

    /**
     * Applies {@code commands} in order to {@code file}: each sees the file as the ones before it
     * left it. Refused, with every error, when any command does not fit the case (the lifecycle, an
     * embargo out of range, an unknown maintainer or case); then nothing is applied.
     */
    public CommandOutcome apply(CaseFile file, ParsedCommands.Valid commands, CommandContext context) {
        CaseChange change = new CaseChange(file, context);
        for (Invocation invocation : commands.invocations()) {
            change.begin(invocation);
            invocation.action().applyTo(change);
        }
        if (!change.errors().isEmpty()) {
            return new CommandOutcome.Refused(change.errors());
        }
        return new CommandOutcome.Applied(change.file(), change.effects(registry.helpText()));
    }

    /** {@link #parse} and then {@link #apply}: the whole work for one authenticated reply. */
    public CommandOutcome process(String replyText, CaseFile file, CommandContext context) {
        ParsedCommands parsed = parse(replyText);
        if (parsed instanceof ParsedCommands.Invalid invalid) {
            return new CommandOutcome.Refused(invalid.errors());
        }
        return apply(file, (ParsedCommands.Valid) parsed, context);
    }

    private String unknown(String keyword) {
        return "#" + keyword + " is not a command"
                + registry.suggestionFor(keyword).map(s -> "; did you mean " + s + "?").orElse(";")
                + " #help lists every command";
    }
}
