package org.sectriage.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule that decides which reminders and escalations a case is owed, and when to look at it next.
 *
 * <ul>
 *   <li>Reminder before the first-response deadline: {@linkplain SlaPolicy#reminderLead() lead} before
 *       it (in the policy's time), once, unless the deadline has already passed.</li>
 *   <li>Reminder at the first-response deadline: once, from the deadline on, however late the check.
 *       A daemon that was down across both owes one reminder, the one at the deadline.</li>
 *   <li>Escalation: when the team has sent the reporter nothing for the silence period, once per
 *       silence period; a maintainer's message starts the period again, a reporter's nudge does not.</li>
 *   <li>Reminder before the embargo date: the policy's disclosure lead before it, once, to the team and
 *       the reporter.</li>
 *   <li>Closed cases are owed nothing. While the team waits on the reporter, the clocks stand still.</li>
 * </ul>
 *
 * <p>What was already sent is read from the timeline ({@link NoticeKind#recordedAs()}), so the rule holds
 * no state: a restarted daemon gets the same answer as the one before it.
 */
public final class EscalationRule {

    private final SlaPolicy policy;
    private final Clock clock;

    public EscalationRule(SlaPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** What is due on the case with {@code timeline} now, by this rule's clock. */
    public SlaCheck check(CaseTimeline timeline) {
        return check(timeline, clock.instant());
    }

    /** What is due on the case with {@code timeline} at {@code now}; the caller records sent notices and checks again. */
    public SlaCheck check(CaseTimeline timeline, Instant now) {
        if (timeline.isClosed()) {
            return SlaCheck.NOTHING;
        }
        Deadlines deadlines = Deadlines.compute(timeline, policy);
        List<Notice> due = new ArrayList<>();
        List<Instant> later = new ArrayList<>();
        if (deadlines.firstResponse().met().isEmpty()) {
            deadlines.firstResponse().dueAt().ifPresent(deadline -> firstResponseReminders(timeline, deadline, now, due, later));
        }
        escalationDue(timeline, deadlines).ifPresent(at -> consider(NoticeKind.ESCALATION, at, now, due, later));
        deadlines.disclosure().filter(d -> d.met().isEmpty() && !policy.disclosureLead().isZero())
                .filter(d -> timeline.first(NoticeKind.DISCLOSURE_REMINDER.recordedAs()).isEmpty())
                .ifPresent(d -> consider(NoticeKind.DISCLOSURE_REMINDER, d.due().minus(policy.disclosureLead()), now,
                        due, later));
        return new SlaCheck(due, later.stream().min(Comparator.naturalOrder()));
    }

    private void firstResponseReminders(CaseTimeline timeline, Instant deadline, Instant now,
                                        List<Notice> due, List<Instant> later) {
        if (timeline.first(NoticeKind.REMINDER_AT_DEADLINE.recordedAs()).isPresent()) {
            return;
        }
        consider(NoticeKind.REMINDER_AT_DEADLINE, deadline, now, due, later);
        boolean deadlinePassed = !now.isBefore(deadline);
        if (deadlinePassed || policy.reminderLead().isZero()
                || timeline.first(NoticeKind.REMINDER_BEFORE_DEADLINE.recordedAs()).isPresent()) {
            return;
        }
        reminderBefore(timeline).ifPresent(at -> consider(NoticeKind.REMINDER_BEFORE_DEADLINE, at, now, due, later));
    }

    /** When the first reminder is due: the first-response time less the lead, counted from the opening. */
    private Optional<Instant> reminderBefore(CaseTimeline timeline) {
        return policy.dueUnpaused(timeline, timeline.openedAt(), policy.firstResponse().lessBy(policy.reminderLead()));
    }

    /**
     * When the next escalation is due: a silence period after the silence began, or after the last
     * escalation in this silence, so that each silence period escalates once.
     */
    private Optional<Instant> escalationDue(CaseTimeline timeline, Deadlines deadlines) {
        Instant silenceStart = Deadlines.silenceStart(timeline);
        Optional<Instant> escalatedInThisSilence = timeline.last(NoticeKind.ESCALATION.recordedAs())
                .filter(at -> !at.isBefore(silenceStart));
        if (escalatedInThisSilence.isEmpty()) {
            return deadlines.nextUpdate().dueAt();
        }
        return policy.dueUnpaused(timeline, escalatedInThisSilence.get(), policy.silence());
    }

    private static void consider(NoticeKind kind, Instant dueAt, Instant now, List<Notice> due, List<Instant> later) {
        if (now.isBefore(dueAt)) {
            later.add(dueAt);
        } else {
            due.add(new Notice(kind, dueAt));
        }
    }
}
