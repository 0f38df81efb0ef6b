package org.sectriage.command;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;

/**
 * What applying commands needs to know beyond the case itself.
 *
 * @param actor          the maintainer whose authenticated reply carried the commands; the events name them
 * @param clock          today's date and the events' time come from it, in its zone
 * @param longestEmbargo the policy's longest embargo, counted from now, e.g. 90 days
 * @param maintainers    the team, with display names: {@code #assign} picks one of them
 * @param caseExists     whether a case id is known, so {@code #duplicate} cannot name a case that does not exist
 */
public record CommandContext(EmailAddress actor, Clock clock, Duration longestEmbargo,
                             List<EmailAddress> maintainers, Predicate<CaseId> caseExists) {

    public CommandContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(longestEmbargo, "longestEmbargo");
        maintainers = List.copyOf(maintainers);
        Objects.requireNonNull(caseExists, "caseExists");
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The latest embargo date the policy allows when set today. */
    public LocalDate latestEmbargo() {
        return LocalDate.ofInstant(clock.instant().plus(longestEmbargo), clock.getZone());
    }
}
