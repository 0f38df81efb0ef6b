package org.sectriage.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.sla.NoticeKind.ESCALATION;
import static org.sectriage.sla.NoticeKind.REMINDER_AT_DEADLINE;
import static org.sectriage.sla.NoticeKind.REMINDER_BEFORE_DEADLINE;
import static org.sectriage.sla.SlaEventType.CLOSED;
import static org.sectriage.sla.SlaEventType.REOPENED;
import static org.sectriage.sla.SlaEventType.REPORTER_MESSAGE;
import static org.sectriage.sla.SlaEventType.TEAM_MESSAGE;
import static org.sectriage.sla.SlaEventType.WAITING_ON_REPORTER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which reminders and escalations a case is owed, decided from its timeline and the time alone; the
 * scheduler records each notice it sends as an event, so nothing is sent twice.
 */
class EscalationRuleTest {

    private static final Instant OPENED = Instant.parse("2026-11-16T10:00:00Z");
    private static final Duration FIRST_RESPONSE = Duration.ofDays(3);
    private static final Duration LEAD = Duration.ofDays(1);
    private static final Duration SILENCE = Duration.ofDays(5);

    private static final SlaPolicy POLICY = new SlaPolicy(TimeLimit.calendar(Duration.ofHours(48)),
            TimeLimit.calendar(FIRST_RESPONSE), TimeLimit.calendar(SILENCE), LEAD,
            BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin")));

    private static final EscalationRule RULE = new EscalationRule(POLICY, Clock.systemUTC());

    private static Instant after(Duration d) {
        return OPENED.plus(d);
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    private static List<NoticeKind> kinds(SlaCheck check) {
        return check.due().stream().map(Notice::kind).toList();
    }

    /** The case after every notice due at {@code now} was sent and recorded, as the scheduler does. */
    private static CaseTimeline sendWhatIsDue(CaseTimeline timeline, Instant now) {
        CaseTimeline after = timeline;
        for (Notice notice : RULE.check(timeline, now).due()) {
            after = after.with(notice.kind().recordedAs(), now);
        }
        return after;
    }

    /** Every notice sent if the scheduler looks at the case every {@code step} from {@code from} to {@code to}. */
    private static List<Notice> sentWhilePolling(CaseTimeline start, Instant from, Instant to, Duration step) {
        List<Notice> sent = new ArrayList<>();
        CaseTimeline timeline = start;
        for (Instant now = from; !now.isAfter(to); now = now.plus(step)) {
            List<Notice> due = RULE.check(timeline, now).due();
            sent.addAll(due);
            timeline = sendWhatIsDue(timeline, now);
        }
        return sent;
    }

    @Test
    void aNewCaseIsOwedNothingYetAndIsNextLookedAtWhenTheFirstReminderIsDue() {
        SlaCheck check = RULE.check(CaseTimeline.openedAt(OPENED), OPENED);

        assertThat(check.due()).isEmpty();
        assertThat(check.nextCheck()).contains(after(FIRST_RESPONSE.minus(LEAD)));
    }

    @Test
    void primaryCoordinatorsAreRemindedBeforeTheDeadlineByTheLeadTimeAndAgainAtIt() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED);

        assertThat(kinds(RULE.check(timeline, after(days(2)).minusSeconds(1)))).isEmpty();
        assertThat(kinds(RULE.check(timeline, after(days(2))))).containsExactly(REMINDER_BEFORE_DEADLINE);

        CaseTimeline reminded = sendWhatIsDue(timeline, after(days(2)));
        SlaCheck beforeDeadline = RULE.check(reminded, after(days(2)).plusSeconds(1));
        assertThat(beforeDeadline.due()).isEmpty();
        assertThat(beforeDeadline.nextCheck()).as("never before the deadline").contains(after(FIRST_RESPONSE));
        assertThat(kinds(RULE.check(reminded, after(FIRST_RESPONSE)))).containsExactly(REMINDER_AT_DEADLINE);
    }

    @Test
    void noRemindersOnceAMaintainerHasAnswered() {
        CaseTimeline answered = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(5)));

        SlaCheck check = RULE.check(answered, after(days(4)));

        assertThat(check.due()).isEmpty();
        assertThat(check.nextCheck()).as("only the escalation is left").contains(after(hours(5)).plus(SILENCE));
    }

    @Test
    void noRemindersOrEscalationsForClosedCases() {
        CaseTimeline closed = CaseTimeline.openedAt(OPENED).with(CLOSED, after(hours(1)));

        assertThat(RULE.check(closed, after(days(2)))).isEqualTo(SlaCheck.NOTHING);
        assertThat(RULE.check(closed, after(days(30)))).isEqualTo(SlaCheck.NOTHING);
        assertThat(kinds(RULE.check(closed.with(REOPENED, after(days(30))), after(days(30)))))
                .as("a reopened case starts its silence again; its first-response reminder is long overdue")
                .containsExactly(REMINDER_AT_DEADLINE);
    }

    @Test
    void aDaemonDownForTwoDaysOwesExactlyOneOverdueReminder() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED);
        Instant backUp = after(FIRST_RESPONSE).plus(days(2)).minus(hours(1));

        SlaCheck onReturn = RULE.check(timeline, backUp);

        assertThat(onReturn.due()).containsExactly(new Notice(REMINDER_AT_DEADLINE, after(FIRST_RESPONSE)));
        List<Notice> sentOverTheNextDay = sentWhilePolling(sendWhatIsDue(timeline, backUp),
                backUp.plusSeconds(60), backUp.plus(hours(23)), Duration.ofMinutes(1));
        assertThat(sentOverTheNextDay).as("one reminder in all, whatever the ticks missed")
                .extracting(Notice::kind).doesNotContain(REMINDER_BEFORE_DEADLINE, REMINDER_AT_DEADLINE);
    }

    @Test
    void aScheduledPollingLoopSendsEachReminderOnceAndNeverEarly() {
        List<Notice> sent = sentWhilePolling(CaseTimeline.openedAt(OPENED),
                OPENED, after(SILENCE).minusSeconds(1), Duration.ofMinutes(10));

        assertThat(sent).containsExactly(
                new Notice(REMINDER_BEFORE_DEADLINE, after(days(2))),
                new Notice(REMINDER_AT_DEADLINE, after(days(3))));
    }

    @Test
    void silenceEscalatesOncePerSilencePeriod() {
        CaseTimeline answered = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(1)));
        Instant silenceEnds = after(hours(1)).plus(SILENCE);

        assertThat(kinds(RULE.check(answered, silenceEnds.minusSeconds(1)))).isEmpty();
        assertThat(kinds(RULE.check(answered, silenceEnds))).containsExactly(ESCALATION);

        List<Notice> sent = sentWhilePolling(answered, silenceEnds, silenceEnds.plus(SILENCE.multipliedBy(2)).minusSeconds(1),
                Duration.ofMinutes(15));
        assertThat(sent).as("one escalation in each of two silence periods")
                .containsExactly(new Notice(ESCALATION, silenceEnds), new Notice(ESCALATION, silenceEnds.plus(SILENCE)));
    }

    @Test
    void aMaintainerReplyResetsTheSilence() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(1)))
                .with(TEAM_MESSAGE, after(days(4)));

        SlaCheck check = RULE.check(timeline, after(days(6)));

        assertThat(check.due()).isEmpty();
        assertThat(check.nextCheck()).contains(after(days(9)));
    }

    @Test
    void aMaintainerReplyAfterAnEscalationStartsAFreshSilence() {
        CaseTimeline escalated = sendWhatIsDue(CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(1))),
                after(days(6)));
        CaseTimeline replied = escalated.with(TEAM_MESSAGE, after(days(7)));

        assertThat(replied.last(SlaEventType.ESCALATED)).contains(after(days(6)));
        assertThat(kinds(RULE.check(replied, after(days(12)).minusSeconds(1)))).isEmpty();
        assertThat(kinds(RULE.check(replied, after(days(12))))).containsExactly(ESCALATION);
    }

    @Test
    void aReporterNudgeDoesNotResetTheSilence() {
        CaseTimeline nudged = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(1)))
                .with(REPORTER_MESSAGE, after(days(4)));

        assertThat(kinds(RULE.check(nudged, after(hours(1)).plus(SILENCE)))).containsExactly(ESCALATION);
    }

    @Test
    void aRestartInTheMiddleOfASilenceGivesTheSameAnswer() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(1)));
        Instant midSilence = after(days(3));
        EscalationRule beforeRestart = new EscalationRule(POLICY, Clock.fixed(midSilence, ZoneOffset.UTC));
        EscalationRule afterRestart = new EscalationRule(POLICY, Clock.fixed(midSilence, ZoneOffset.UTC));

        SlaCheck before = beforeRestart.check(timeline);

        assertThat(afterRestart.check(timeline)).isEqualTo(before);
        assertThat(before.due()).isEmpty();
        assertThat(before.nextCheck()).contains(after(hours(1)).plus(SILENCE));
    }

    @Test
    void whileWaitingOnTheReporterNothingIsDueAndNothingIsScheduled() {
        CaseTimeline waiting = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(1)))
                .with(WAITING_ON_REPORTER, after(hours(1)));

        assertThat(RULE.check(waiting, after(days(20)))).isEqualTo(SlaCheck.NOTHING);
    }

    @Test
    void whenTheReporterAnswersTheSilenceResumesWhereItStopped() {
        CaseTimeline answered = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(hours(1)))
                .with(WAITING_ON_REPORTER, after(days(2))).with(REPORTER_MESSAGE, after(days(10)));

        SlaCheck check = RULE.check(answered, after(days(10)));

        assertThat(check.due()).isEmpty();
        assertThat(check.nextCheck()).as("two days used before the wait, three left after it")
                .contains(after(days(13)).plus(hours(1)));
    }

    @Test
    void theInjectedClockDecidesWhatNowIs() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED);
        EscalationRule atDeadline = new EscalationRule(POLICY, Clock.fixed(after(FIRST_RESPONSE), ZoneOffset.UTC));

        assertThat(kinds(atDeadline.check(timeline))).containsExactly(REMINDER_AT_DEADLINE);
    }
}
