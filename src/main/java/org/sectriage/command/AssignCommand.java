package org.sectriage.command;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sectriage.domain.EmailAddress;

/**
 * {@code #assign <maintainer name or email>}: who works on the case. The maintainer is found by
 * address, by display name, or by the part of the address before the '@', whichever names one only.
 */
final class AssignCommand implements MaintainerCommand {

    @Override
    public String keyword() {
        return "assign";
    }

    @Override
    public String argumentSyntax() {
        return "<maintainer name or email>";
    }

    @Override
    public String description() {
        return "who works on the case: a maintainer, by name or address";
    }

    @Override
    public Reading read(String argument) {
        if (argument.isEmpty()) {
            return Reading.problem("needs a maintainer's name or address");
        }
        return Reading.of(change -> apply(change, argument));
    }

    private static void apply(CaseChange change, String who) {
        List<EmailAddress> team = change.context().maintainers();
        List<EmailAddress> matches = matching(team, who);
        if (matches.size() != 1) {
            String known = team.stream().map(EmailAddress::toString).collect(Collectors.joining(", "));
            change.refuse(matches.isEmpty()
                    ? "knows no maintainer '" + who + "'; the maintainers are " + (known.isEmpty() ? "none" : known)
                    : "'" + who + "' could be " + matches.stream().map(EmailAddress::toString)
                            .collect(Collectors.joining(" or ")) + "; give the address");
            return;
        }
        EmailAddress assignee = matches.get(0);
        change.triageIfNew();
        change.update(file -> file.withAssignee(assignee), "case-assigned", assignee.address());
    }

    private static List<EmailAddress> matching(List<EmailAddress> team, String who) {
        String wanted = who.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        List<EmailAddress> byAddress = team.stream().filter(m -> m.normalized().equals(wanted)).toList();
        if (!byAddress.isEmpty()) {
            return byAddress;
        }
        List<EmailAddress> byName = team.stream()
                .filter(m -> m.displayName() != null && m.displayName().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        if (!byName.isEmpty()) {
            return byName;
        }
        return team.stream().filter(m -> localPart(m).equals(wanted)
                || (m.displayName() != null && firstName(m).equals(wanted))).toList();
    }

    private static String localPart(EmailAddress address) {
        String normalized = address.normalized();
        int at = normalized.lastIndexOf('@');
        return at < 0 ? normalized : normalized.substring(0, at);
    }

    private static String firstName(EmailAddress address) {
        return address.displayName().toLowerCase(Locale.ROOT).split("\\s+")[0];
    }
}
