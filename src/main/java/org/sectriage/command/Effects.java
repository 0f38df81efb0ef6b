package org.sectriage.command;

import java.util.List;
import java.util.Optional;
import org.sectriage.domain.CaseEvent;
import org.sectriage.sla.SlaEvent;

/**
 * What the caller must carry out after a batch of commands was applied, in the same transaction as
 * the new {@link CaseFile}.
 *
 * @param events     entries for the case's event log, in order
 * @param notices    messages the reporter is owed, in order; each its own mail (or merged with the relayed reply)
 * @param slaEvents  what the case's SLA timeline must record ({@code CaseTimeline.with}): waiting on the
 *                   reporter, closing (a case that is no longer open stops its clocks), disclosure, reopening
 * @param internal   true when the reply said {@code #internal}: its text stays with the team and is not relayed
 * @param helpText   the command list for the maintainer who sent {@code #help}; null when not asked for
 */
public record Effects(List<CaseEvent> events, List<ReporterNotice> notices, List<SlaEvent> slaEvents,
                      boolean internal, String helpText) {

    public Effects {
        events = List.copyOf(events);
        notices = List.copyOf(notices);
        slaEvents = List.copyOf(slaEvents);
    }

    /** Nothing to do: what a reply without commands yields. */
    public static Effects none() {
        return new Effects(List.of(), List.of(), List.of(), false, null);
    }

    public Optional<String> help() {
        return Optional.ofNullable(helpText);
    }
}
