package org.sectriage.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deadlines of one case: acknowledgement, first human response, next update (before the silence
 * grows too long) and, once an embargo is set, disclosure; computed from the case's timeline alone.
 */
public record Deadlines(Deadline acknowledgement, Deadline firstResponse, Deadline nextUpdate,
                        Optional<Deadline> disclosure) {

    /**
     * The deadlines of the case with {@code timeline} under {@code policy}: a pure function, so a
     * restarted daemon computes the same deadlines as the one before it.
     *
     * <p>The acknowledgement runs from the opening and never pauses; it is met by sectriage's
     * acknowledgement or by the team's first message, whichever came first (an acknowledgement withheld
     * by a rate limit is met once a maintainer writes). The first response runs from the
     * opening; the next update from the team's last message to the reporter (or the opening or
     * reopening, if later); both stand still while the team waits on the reporter. A reporter's nudge
     * does not move them. The disclosure is due at the start of the embargo date in the calendar's zone.
     */
    public static Deadlines compute(CaseTimeline timeline, SlaPolicy policy) {
        boolean closed = timeline.isClosed();
        Instant opened = timeline.openedAt();
        Deadline acknowledgement = new Deadline(DeadlineKind.ACKNOWLEDGEMENT,
                policy.due(opened, policy.acknowledge()),
                earliest(timeline.first(SlaEventType.ACKNOWLEDGED), timeline.first(SlaEventType.TEAM_MESSAGE)),
                closed);
        Deadline firstResponse = new Deadline(DeadlineKind.FIRST_RESPONSE,
                policy.dueUnpaused(timeline, opened, policy.firstResponse()).orElse(null),
                timeline.first(SlaEventType.TEAM_MESSAGE).orElse(null), closed);
        Deadline nextUpdate = new Deadline(DeadlineKind.NEXT_UPDATE,
                policy.dueUnpaused(timeline, silenceStart(timeline), policy.silence()).orElse(null),
                null, closed);
        Optional<Deadline> disclosure = timeline.embargo().map(date -> new Deadline(DeadlineKind.DISCLOSURE,
                date.atStartOfDay(policy.calendar().zone()).toInstant(),
                timeline.first(SlaEventType.DISCLOSED).orElse(null), closed));
        return new Deadlines(acknowledgement, firstResponse, nextUpdate, disclosure);
    }

    private static Instant earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().isBefore(b.get()) ? a.get() : b.get();
        }
        return a.or(() -> b).orElse(null);
    }

    /** Where the current silence began: the team's last message to the reporter, or the (re)opening if later. */
    public static Instant silenceStart(CaseTimeline timeline) {
        return timeline.lastOf(SlaEventType.OPENED, SlaEventType.TEAM_MESSAGE, SlaEventType.REOPENED).orElseThrow();
    }

    /** Every deadline of the case, in the order of {@link DeadlineKind}. */
    public List<Deadline> all() {
        List<Deadline> all = new ArrayList<>(List.of(acknowledgement, firstResponse, nextUpdate));
        disclosure.ifPresent(all::add);
        return List.copyOf(all);
    }

    /** True if any deadline has passed unmet at {@code now}: what {@code cases list --overdue} lists. */
    public boolean anyOverdue(Instant now) {
        return all().stream().anyMatch(d -> d.isOverdue(now));
    }
}
