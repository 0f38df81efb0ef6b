package org.sectriage.relay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.sectriage.command.CommandBlock;
import org.sectriage.command.CommandRegistry;
import org.sectriage.domain.EmailAddress;

/**
 * The text of a maintainer's reply that goes on to the reporter: the maintainer's own words, top- or
 * bottom-posted or written between quotes, without the commands at the top, without quoted text and
 * its attribution or header block, and without the signature. No team address survives, and no line
 * that names a team member the way a quote header does. When in doubt it leaves text out rather than
 * letting the team's mail through. A reply with a known {@code #command} below its top relays nothing
 * (see {@link RelayedReply}). Whether to relay at all is the commands' to say: a reply with
 * {@code #internal} ({@code Effects#internal()}) is not relayed, whatever this returns.
 */
public final class ReplyRelay {

    private final Collection<EmailAddress> team;
    private final CommandRegistry commands;

    /** A relay that keeps the addresses and names of {@code team} (the maintainers) from the reporter. */
    public ReplyRelay(Collection<EmailAddress> team, CommandRegistry commands) {
        this.team = List.copyOf(team);
        this.commands = commands;
    }

    /** What of {@code body}, the plain text of a reply by {@code sender}, may be relayed to the reporter. */
    public RelayedReply relay(String body, EmailAddress sender) {
        CommandBlock block = CommandBlock.of(body);
        List<String> lines = block.remainingLines();
        int offset = block.firstTextLine();
        List<String> kept = new ArrayList<>();
        List<Integer> strayCommands = new ArrayList<>();
        for (int i : OwnLines.in(lines)) {
            String line = lines.get(i);
            if (isCommand(line)) {
                strayCommands.add(offset + i);
            } else if (!QuoteMarkers.isMobileSignature(line)) {
                kept.add(line.stripTrailing());
            }
        }
        if (!strayCommands.isEmpty()) {
            return new RelayedReply("", strayCommands, !block.lines().isEmpty());
        }
        return new RelayedReply(tidy(withoutPrivateAddresses(withoutUndelimitedSignature(kept, sender), sender)),
                strayCommands, !block.lines().isEmpty());
    }

    /** The longest signature without a "-- " line above it that is recognised by its sender's name. */
    private static final int MAX_UNDELIMITED_SIGNATURE_LINES = 6;

    /**
     * {@code kept} without a signature that a client inserted with no "-- " line above it (Outlook does so
     * above its header block): a last paragraph of two to {@value #MAX_UNDELIMITED_SIGNATURE_LINES} lines
     * whose first line is the sender's own name, such as "Maria Berg / Release manager / +49 30 …". A
     * sign-off ("Best regards," then the name) begins otherwise and stays.
     */
    private List<String> withoutUndelimitedSignature(List<String> kept, EmailAddress sender) {
        int end = kept.size();
        while (end > 0 && kept.get(end - 1).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && !kept.get(start - 1).isBlank()) {
            start--;
        }
        int length = end - start;
        if (length < 2 || length > MAX_UNDELIMITED_SIGNATURE_LINES || !namesOf(sender).contains(name(kept.get(start)))) {
            return kept;
        }
        return kept.subList(0, start);
    }

    /** The sender's names: its From line's, and the configured one of the team member with its address. */
    private List<String> namesOf(EmailAddress sender) {
        List<String> names = new ArrayList<>();
        if (sender == null) {
            return names;
        }
        for (EmailAddress a : team) {
            if (a.sameMailbox(sender) && a.displayName() != null) {
                names.add(name(a.displayName()));
            }
        }
        if (sender.displayName() != null) {
            names.add(name(sender.displayName()));
        }
        names.removeIf(String::isEmpty);
        return names;
    }

    private static String name(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private boolean isCommand(String line) {
        CommandBlock.Line command = CommandBlock.of(line).lines().stream().findFirst().orElse(null);
        return command != null && commands.knows(command.keyword());
    }

    private List<String> withoutPrivateAddresses(List<String> lines, EmailAddress sender) {
        List<EmailAddress> everyone = new ArrayList<>(team);
        if (sender != null) {
            everyone.add(sender);
        }
        PrivateAddresses safeguard = new PrivateAddresses(everyone);
        List<String> cleaned = new ArrayList<>();
        for (String line : lines) {
            String clean = safeguard.clean(line);
            if (clean != null) {
                cleaned.add(clean);
            }
        }
        return cleaned;
    }

    /** The lines joined, without blank lines at either end and with runs of blank lines made one. */
    private static String tidy(List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean blankPending = false;
        for (String line : lines) {
            if (line.isBlank()) {
                blankPending = text.length() > 0;
                continue;
            }
            if (blankPending) {
                text.append('\n');
                blankPending = false;
            }
            text.append(line).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
