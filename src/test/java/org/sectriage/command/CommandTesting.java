package org.sectriage.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseState;
import org.sectriage.domain.EmailAddress;

/** The case, team and clock the command tests share. */
final class CommandTesting {

    static final CaseId CASE = CaseId.parse("SEC-2026-0007");
    static final CaseId EARLIER_CASE = CaseId.parse("SEC-2026-0003");
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final EmailAddress MARIA = new EmailAddress("maria@demo.example", "Maria Berg");
    static final EmailAddress SAM = new EmailAddress("sam.okafor@demo.example", "Sam Okafor");
    static final CommandContext CONTEXT = new CommandContext(MARIA, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofDays(90), List.of(MARIA, SAM), EARLIER_CASE::equals);

    static final MaintainerCommands COMMANDS = MaintainerCommands.standard();

    private CommandTesting() {
    }

    static CaseFile caseIn(CaseState state) {
        return CaseFile.of(CASE).withState(state);
    }

    static CommandOutcome.Applied applied(String reply, CaseFile file) {
        CommandOutcome outcome = COMMANDS.process(reply, file, CONTEXT);
        assertThat(outcome).isInstanceOf(CommandOutcome.Applied.class);
        return (CommandOutcome.Applied) outcome;
    }

    static List<String> refused(String reply, CaseFile file) {
        CommandOutcome outcome = COMMANDS.process(reply, file, CONTEXT);
        assertThat(outcome).isInstanceOf(CommandOutcome.Refused.class);
        return ((CommandOutcome.Refused) outcome).errors().stream().map(CommandError::toString).toList();
    }
}
