package org.sectriage.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The maintainer commands by keyword, in the order {@code #help} lists them. */
public final class CommandRegistry {

    private static final int MAX_TYPO_DISTANCE = 2;

    private final Map<String, MaintainerCommand> commands = new LinkedHashMap<>();

    private CommandRegistry(List<MaintainerCommand> commands) {
        for (MaintainerCommand command : commands) {
            if (this.commands.put(command.keyword(), command) != null) {
                throw new IllegalArgumentException("two commands named #" + command.keyword());
            }
        }
    }

    /** Every command sectriage knows. */
    public static CommandRegistry standard() {
        return new CommandRegistry(List.of(
                new ConfirmCommand(), new RejectCommand(), new NotSecurityCommand(), new DuplicateCommand(),
                new SeverityCommand(), new CvssCommand(), new CweCommand(), new AssignCommand(),
                new WaitingCommand(), new FixedCommand(), new EmbargoCommand(), new DiscloseCommand(),
                new CreditCommand(), new NoCreditCommand(), new CloseCommand(), new ReopenCommand(),
                new InternalCommand(), new HelpCommand()));
    }

    /** True when {@code keyword} (without the hash, any case) names a command. */
    public boolean knows(String keyword) {
        return commands.containsKey(keyword.toLowerCase(Locale.ROOT));
    }

    /** The keywords in help order, without the hash. */
    public List<String> keywords() {
        return List.copyOf(commands.keySet());
    }

    Optional<MaintainerCommand> find(String keyword) {
        return Optional.ofNullable(commands.get(keyword.toLowerCase(Locale.ROOT)));
    }

    /** The syntax of the command whose keyword {@code typo} is closest to, if one is close enough. */
    Optional<String> suggestionFor(String typo) {
        MaintainerCommand best = null;
        int bestDistance = MAX_TYPO_DISTANCE + 1;
        for (MaintainerCommand command : commands.values()) {
            int distance = editDistance(typo, command.keyword());
            if (distance < bestDistance) {
                best = command;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best).map(MaintainerCommand::syntax);
    }

    /** The help text: how commands are written, then every command with its syntax and what it does. */
    public String helpText() {
        int width = commands.values().stream().mapToInt(c -> c.syntax().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        lines.add("Commands go at the top of your reply, one per line; the first line that is not a");
        lines.add("command ends them. If any command is wrong, none is applied and you get the errors.");
        lines.add("Commands count only in a reply that is signed with your OpenPGP key or passes DKIM.");
        lines.add("");
        for (MaintainerCommand command : commands.values()) {
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %s", command.syntax(), command.description()));
        }
        return String.join("\n", lines);
    }

    /** Levenshtein distance; keywords are short, so the plain table is fine. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
