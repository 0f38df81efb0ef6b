package org.sectriage.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sectriage.sla.SlaEventType.ACKNOWLEDGED;
import static org.sectriage.sla.SlaEventType.CLOSED;
import static org.sectriage.sla.SlaEventType.DISCLOSED;
import static org.sectriage.sla.SlaEventType.REPORTER_MESSAGE;
import static org.sectriage.sla.SlaEventType.TEAM_MESSAGE;
import static org.sectriage.sla.SlaEventType.WAITING_ENDED;
import static org.sectriage.sla.SlaEventType.WAITING_ON_REPORTER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The deadlines of a case, computed from its timeline alone, and how their states read. */
class DeadlinesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant OPENED = Instant.parse("2026-11-16T10:00:00Z");

    /** Hanzo S3's promises: acknowledgement in 48 hours, a detailed response in 72, escalation after five days. */
    private static final SlaPolicy CALENDAR_POLICY = new SlaPolicy(
            TimeLimit.calendar(Duration.ofHours(48)), TimeLimit.calendar(Duration.ofHours(72)),
            TimeLimit.calendar(Duration.ofDays(5)), Duration.ofDays(1), BusinessCalendar.officeHours(BERLIN));

    private static Instant after(Duration d) {
        return OPENED.plus(d);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    @Test
    void calendarDeadlinesRunFromTheOpening() {
        Deadlines deadlines = Deadlines.compute(CaseTimeline.openedAt(OPENED), CALENDAR_POLICY);

        assertThat(deadlines.acknowledgement().due()).isEqualTo(after(Duration.ofHours(48)));
        assertThat(deadlines.firstResponse().due()).isEqualTo(after(Duration.ofHours(72)));
        assertThat(deadlines.nextUpdate().due()).isEqualTo(after(days(5)));
        assertThat(deadlines.disclosure()).isEmpty();
    }

    @Test
    void businessDeadlinesCountOnlyTheirOwnBasis() {
        SlaPolicy cncf = new SlaPolicy(TimeLimit.calendar(Duration.ofHours(48)),
                new TimeLimit(days(3), TimeBasis.WORKING_DAYS), TimeLimit.calendar(days(5)), Duration.ofDays(1),
                BusinessCalendar.officeHours(BERLIN));
        Instant fridayAfternoon = BusinessCalendarTest.berlin("2026-11-20T15:00");

        Deadlines deadlines = Deadlines.compute(CaseTimeline.openedAt(fridayAfternoon), cncf);

        assertThat(deadlines.acknowledgement().due()).isEqualTo(BusinessCalendarTest.berlin("2026-11-22T15:00"));
        assertThat(deadlines.firstResponse().due()).as("3 business days").isEqualTo(BusinessCalendarTest.berlin("2026-11-25T15:00"));
    }

    @Test
    void aMaintainerMessageMeetsTheFirstResponseAndRestartsTheSilence() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED).with(ACKNOWLEDGED, OPENED).with(TEAM_MESSAGE, after(days(2)));

        Deadlines deadlines = Deadlines.compute(timeline, CALENDAR_POLICY);

        assertThat(deadlines.acknowledgement().met()).contains(OPENED);
        assertThat(deadlines.firstResponse().met()).contains(after(days(2)));
        assertThat(deadlines.nextUpdate().due()).isEqualTo(after(days(7)));
    }

    @Test
    void anAcknowledgementWithheldByARateLimitIsMetByTheTeamsFirstMessage() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(Duration.ofHours(3)));

        Deadlines deadlines = Deadlines.compute(timeline, CALENDAR_POLICY);

        assertThat(deadlines.acknowledgement().met()).contains(after(Duration.ofHours(3)));
        assertThat(deadlines.anyOverdue(after(days(10)))).as("the next update is, not the acknowledgement")
                .isTrue();
        assertThat(deadlines.acknowledgement().isOverdue(after(days(10)))).isFalse();
    }

    @Test
    void theMailACommandSendsTheReporterIsATeamMessageAsARelayedReplyIs() {
        assertThat(SlaEventType.ofCaseEvent("reporter-told")).contains(TEAM_MESSAGE);
        assertThat(SlaEventType.ofCaseEvent("reply-relayed")).contains(TEAM_MESSAGE);
        assertThat(TEAM_MESSAGE.caseEventType()).isEqualTo("reply-relayed");
    }

    @Test
    void aReporterNudgeMovesNoDeadline() {
        CaseTimeline quiet = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(days(1)));

        Deadlines nudged = Deadlines.compute(quiet.with(REPORTER_MESSAGE, after(days(4))), CALENDAR_POLICY);

        assertThat(nudged).isEqualTo(Deadlines.compute(quiet, CALENDAR_POLICY));
        assertThat(nudged.nextUpdate().due()).isEqualTo(after(days(6)));
    }

    @Test
    void waitingOnTheReporterPausesTheResponseClocksUntilTheReporterWrites() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED)
                .with(TEAM_MESSAGE, after(days(1))).with(WAITING_ON_REPORTER, after(days(1)))
                .with(REPORTER_MESSAGE, after(days(3)));

        Deadlines deadlines = Deadlines.compute(timeline, CALENDAR_POLICY);

        assertThat(deadlines.nextUpdate().due()).as("5 days of silence from day 1, less the 2 paused days")
                .isEqualTo(after(days(8)));
        assertThat(deadlines.acknowledgement().due()).as("the acknowledgement never pauses").isEqualTo(after(days(2)));
    }

    @Test
    void aPauseBeforeTheFirstResponsePushesItBack() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED)
                .with(WAITING_ON_REPORTER, after(Duration.ofHours(1))).with(WAITING_ENDED, after(Duration.ofHours(25)));

        assertThat(Deadlines.compute(timeline, CALENDAR_POLICY).firstResponse().due()).isEqualTo(after(days(4)));
    }

    @Test
    void whileTheWaitGoesOnTheResponseDeadlinesArePaused() {
        CaseTimeline waiting = CaseTimeline.openedAt(OPENED).with(WAITING_ON_REPORTER, after(Duration.ofHours(1)));

        Deadlines deadlines = Deadlines.compute(waiting, CALENDAR_POLICY);

        assertThat(deadlines.firstResponse().dueAt()).isEmpty();
        assertThat(deadlines.firstResponse().state(after(days(30))).render(BERLIN)).isEqualTo("paused, waiting on the reporter");
        assertThat(deadlines.anyOverdue(after(days(30)))).as("the acknowledgement never pauses, and none was sent")
                .isTrue();
        assertThat(deadlines.nextUpdate().dueAt()).isEmpty();
    }

    @Test
    void pausesCountInBusinessTimeToo() {
        SlaPolicy business = new SlaPolicy(TimeLimit.calendar(Duration.ofHours(48)),
                new TimeLimit(Duration.ofHours(16), TimeBasis.WORKING_HOURS), TimeLimit.calendar(days(5)),
                Duration.ZERO, BusinessCalendar.officeHours(BERLIN));
        Instant fridayAfternoon = BusinessCalendarTest.berlin("2026-11-13T16:00");
        CaseTimeline timeline = CaseTimeline.openedAt(fridayAfternoon)
                .with(WAITING_ON_REPORTER, BusinessCalendarTest.berlin("2026-11-16T10:00"))
                .with(REPORTER_MESSAGE, BusinessCalendarTest.berlin("2026-11-17T11:00"));

        assertThat(Deadlines.compute(timeline, business).firstResponse().due())
                .as("1h on Friday and 1h on Monday, paused until Tuesday 11:00, then 6h on Tuesday and 8h on Wednesday")
                .isEqualTo(BusinessCalendarTest.berlin("2026-11-18T17:00"));
    }

    @Test
    void statesReadAsPeopleSayThem() {
        Deadlines deadlines = Deadlines.compute(CaseTimeline.openedAt(OPENED), CALENDAR_POLICY);

        assertThat(deadlines.firstResponse().state(after(Duration.ofHours(21))).render(BERLIN)).isEqualTo("due in 2d 3h");
        assertThat(deadlines.firstResponse().state(after(Duration.ofHours(77))).render(BERLIN)).isEqualTo("overdue by 5h");
        assertThat(deadlines.firstResponse().state(after(Duration.ofMinutes(72 * 60 - 90))).render(BERLIN)).isEqualTo("due in 1h 30m");
        assertThat(deadlines.firstResponse().state(after(Duration.ofHours(72))).render(BERLIN)).isEqualTo("overdue by 0s");
    }

    @Test
    void aMetDeadlineShowsWhenInTheZoneGivenAndHowLate() {
        Instant metAt = Instant.parse("2026-11-20T09:02:00Z");
        CaseTimeline timeline = CaseTimeline.openedAt(Instant.parse("2026-11-19T10:00:00Z")).with(ACKNOWLEDGED, metAt);

        Deadline ack = Deadlines.compute(timeline, CALENDAR_POLICY).acknowledgement();
        Deadline lateAck = Deadlines.compute(CaseTimeline.openedAt(Instant.parse("2026-11-17T06:00:00Z"))
                .with(ACKNOWLEDGED, metAt), CALENDAR_POLICY).acknowledgement();

        assertThat(ack.state(metAt.plus(days(9))).render(BERLIN)).isEqualTo("met 2026-11-20 10:02");
        assertThat(lateAck.state(metAt).render(ZoneId.of("UTC"))).isEqualTo("met 2026-11-20 09:02 (1d 3h late)");
    }

    @Test
    void aClosedCaseOwesNothingAndIsNotOverdue() {
        CaseTimeline closed = CaseTimeline.openedAt(OPENED).with(CLOSED, after(Duration.ofHours(1)));

        Deadlines deadlines = Deadlines.compute(closed, CALENDAR_POLICY);

        assertThat(deadlines.firstResponse().state(after(days(10))).render(BERLIN)).isEqualTo("not owed, case closed");
        assertThat(deadlines.anyOverdue(after(days(10)))).isFalse();
    }

    @Test
    void theEmbargoIsDueAtTheStartOfItsDateInTheCalendarZoneAndMetByTheDisclosure() {
        CaseTimeline embargoed = CaseTimeline.openedAt(OPENED).withEmbargo(LocalDate.of(2027, 1, 15));
        Instant published = Instant.parse("2027-01-15T08:00:00Z");

        Deadline disclosure = Deadlines.compute(embargoed, CALENDAR_POLICY).disclosure().orElseThrow();
        Deadline disclosed = Deadlines.compute(embargoed.with(DISCLOSED, published), CALENDAR_POLICY).disclosure().orElseThrow();

        assertThat(disclosure.due()).isEqualTo(Instant.parse("2027-01-14T23:00:00Z"));
        assertThat(disclosure.state(Instant.parse("2027-01-13T23:00:00Z")).render(BERLIN)).isEqualTo("due in 1d");
        assertThat(disclosed.state(published).render(BERLIN)).isEqualTo("met 2027-01-15 09:00 (9h late)");
    }

    @Test
    void sameTimelineSameDeadlines() {
        CaseTimeline timeline = CaseTimeline.openedAt(OPENED).with(TEAM_MESSAGE, after(days(1)))
                .with(WAITING_ON_REPORTER, after(days(1))).with(REPORTER_MESSAGE, after(days(2)));

        assertThat(Deadlines.compute(timeline, CALENDAR_POLICY)).isEqualTo(Deadlines.compute(timeline, CALENDAR_POLICY));
    }
}
