package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.config.SectriageConfig;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.MutableClock;
import org.sectriage.testing.RunningDaemon;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * The SLA clock against a real mail server and database, with a clock the test moves: days of the
 * policy (48 hours to acknowledge, 3 days to a first response with a reminder a day before, escalation
 * after 5 days of silence) pass in milliseconds, and no test waits for a deadline.
 */
class SlaClockTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REPORTER = "alex@researcher.example";
    /** The test config's policy, with a slow tick: the test checks deadlines itself. */
    private static final UnaryOperator<SectriageConfig> POLICY = c -> TestConfig.withPolicy(c,
            c.policy().withCheckInterval(Duration.ofHours(1)));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    private Path dir;
    private RunningDaemon sectriage;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory("sectriage-sla-");
        sectriage = RunningDaemon.start(GREENMAIL, dir, 5, 200, POLICY, clock);
    }

    @AfterEach
    void stop() {
        sectriage.close();
    }

    private MailServer server() {
        return sectriage.server();
    }

    private String openCase() {
        server().sendToSecurity(TestMail.report().from(REPORTER).subject("Heap overflow in the parser").build());
        await().atMost(PATIENCE).until(() -> server().acknowledgementsTo(REPORTER).size() == 1);
        await().atMost(PATIENCE).until(() -> sectriage.db().count(
                "SELECT COUNT(*) FROM case_deadline WHERE acknowledged_at IS NOT NULL") == 1);
        return sectriage.db().strings("SELECT id FROM security_case").get(0);
    }

    /** The primary's answer to sectriage's {@code note}, with {@code body}, DKIM-authenticated by the trusted server. */
    private static MimeMessage primaryAnswers(MimeMessage note, String messageId, String body) throws Exception {
        return TestMail.parse(("From: Maria <" + TestConfig.PRIMARY + ">\r\nTo: " + TestConfig.SECURITY
                + "\r\nSubject: Re: " + note.getSubject() + "\r\nMessage-ID: " + messageId + "\r\n"
                + "In-Reply-To: " + note.getMessageID() + "\r\n"
                + "Authentication-Results: mx.project.example; dkim=pass header.d=project.example\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    private List<MimeMessage> withSubject(String address, String part) {
        return server().sentBySectriageTo(address).stream().filter(m -> MailServer.subject(m).contains(part)).toList();
    }

    @Test
    void thePrimaryIsRemindedADayBeforeTheFirstResponseIsDueAndAgainWhenItIs() {
        String id = openCase();
        assertThat(sectriage.daemon().checkDeadlinesNow()).as("nothing is due at once").isZero();

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(sectriage.daemon().checkDeadlinesNow()).isEqualTo(1);
        assertThat(sectriage.daemon().checkDeadlinesNow()).as("a reminder goes out once").isZero();
        MimeMessage soon = await().atMost(PATIENCE)
                .until(() -> withSubject(TestConfig.PRIMARY, "First response due soon"), l -> l.size() == 1).get(0);
        assertThat(TestMail.isTo(soon, TestConfig.SECONDARY)).isFalse();
        assertThat(TestMail.text(soon)).contains(id).contains("first-response").contains("due in 23h 59m");

        clock.advance(Duration.ofDays(1));
        assertThat(sectriage.daemon().checkDeadlinesNow()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.PRIMARY, "First response due now").size() == 1);
        assertThat(sectriage.db().events(id)).containsSubsequence("reminded-before-deadline", "reminded-at-deadline");
    }

    @Test
    void fiveDaysOfSilenceEscalateToTheSecondaryOncePerSilencePeriodAndTellTheReporterOnce() {
        String id = openCase();

        clock.advance(Duration.ofDays(5).plusMinutes(1));
        sectriage.daemon().checkDeadlinesNow();
        MimeMessage escalation = await().atMost(PATIENCE)
                .until(() -> withSubject(TestConfig.SECONDARY, "ESCALATED"), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(escalation)).contains("History:").contains("case-opened").contains("acknowledgement-sent");
        assertThat(TestMail.header(escalation, "In-Reply-To")).isNotNull();
        MimeMessage told = await().atMost(PATIENCE)
                .until(() -> withSubject(REPORTER, "escalated"), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(told)).contains(id).doesNotContain(TestConfig.SECONDARY);

        assertThat(sectriage.daemon().checkDeadlinesNow()).as("once per silence period").isZero();
        clock.advance(Duration.ofDays(4));
        assertThat(sectriage.daemon().checkDeadlinesNow()).isZero();
        clock.advance(Duration.ofDays(1));
        sectriage.daemon().checkDeadlinesNow();

        List<MimeMessage> escalations = await().atMost(PATIENCE)
                .until(() -> withSubject(TestConfig.SECONDARY, "ESCALATED"), l -> l.size() == 2);
        assertThat(escalations).allSatisfy(m -> assertThat(TestMail.text(m))
                .as("both in the one silence, which began at the opening")
                .contains("since 2026-11-16 09:00 Z"));
        assertThat(sectriage.db().events(id).stream().filter("escalated"::equals)).hasSize(2);
        assertThat(sectriage.db().events(id).stream().filter("reporter-told-of-escalation"::equals)).hasSize(1);
        assertThat(withSubject(REPORTER, "escalated")).hasSize(1);
    }

    @Test
    void aReporterNudgeDoesNotResetTheSilence() throws Exception {
        openCase();
        MimeMessage ack = server().acknowledgementsTo(REPORTER).get(0);
        clock.advance(Duration.ofDays(3));
        server().sendToSecurity(TestMail.report().from(REPORTER).replyTo(ack).body("Any news?").build());
        await().atMost(PATIENCE).until(() -> sectriage.db().inbound("processed") == 2);

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        sectriage.daemon().checkDeadlinesNow();

        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.SECONDARY, "ESCALATED").size() == 1);
    }

    @Test
    void aRestartInTheMiddleOfASilenceSendsNothingTwice() {
        String id = openCase();
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        sectriage.daemon().checkDeadlinesNow();
        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.SECONDARY, "ESCALATED").size() == 1);

        sectriage.close();
        clock.advance(Duration.ofDays(2));
        sectriage = RunningDaemon.start(GREENMAIL, dir, 5, 200, POLICY, clock);

        assertThat(sectriage.daemon().checkDeadlinesNow()).isZero();
        assertThat(sectriage.db().events(id).stream().filter("escalated"::equals)).hasSize(1);
    }

    @Test
    void aDaemonThatWasDownAcrossEveryDeadlineSendsWhatIsOverdueOnceAndNoEarlyReminder() {
        String id = openCase();
        sectriage.close();

        clock.advance(Duration.ofDays(6));
        sectriage = RunningDaemon.start(GREENMAIL, dir, 5, 200, POLICY, clock);
        assertThat(sectriage.daemon().checkDeadlinesNow()).as("the reminder at the deadline and one escalation")
                .isEqualTo(2);
        assertThat(sectriage.daemon().checkDeadlinesNow()).isZero();

        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.PRIMARY, "First response due now").size() == 1);
        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.SECONDARY, "ESCALATED").size() == 1);
        assertThat(withSubject(TestConfig.PRIMARY, "due soon")).isEmpty();
        assertThat(sectriage.db().events(id)).doesNotContain("reminded-before-deadline");
    }

    @Test
    void aCommandThatTellsTheReporterIsTheTeamsResponseAndRestartsTheSilence() throws Exception {
        String id = openCase();
        MimeMessage note = await().atMost(PATIENCE)
                .until(() -> server().sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        clock.advance(Duration.ofHours(4));
        server().sendToSecurity(primaryAnswers(note, "<confirm-1@project.example>", "#confirm\r\n"));
        await().atMost(PATIENCE).until(() -> sectriage.db().events(id).contains("reporter-told"));
        await().atMost(PATIENCE).until(() -> server().sentBySectriageTo(REPORTER).size() == 2); // and the ack

        clock.advance(Duration.ofDays(3));
        assertThat(sectriage.daemon().checkDeadlinesNow())
                .as("the first response was the mail #confirm sent: no reminder that it is due").isZero();
        clock.advance(Duration.ofDays(2).minusHours(4).plusMinutes(1));
        assertThat(sectriage.daemon().checkDeadlinesNow())
                .as("five days after the opening, but not yet after the confirmation").isZero();
        clock.advance(Duration.ofHours(4));
        sectriage.daemon().checkDeadlinesNow();

        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.SECONDARY, "ESCALATED").size() == 1);
        assertThat(sectriage.db().count("SELECT COUNT(*) FROM case_deadline WHERE first_response_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(withSubject(TestConfig.PRIMARY, "First response due")).isEmpty();
    }

    @Test
    void whileTheTeamWaitsOnTheReporterTheClocksStandStillAndTheReportersAnswerRestartsThem() throws Exception {
        String id = openCase();
        MimeMessage note = await().atMost(PATIENCE)
                .until(() -> server().sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        clock.advance(Duration.ofDays(1));
        server().sendToSecurity(primaryAnswers(note, "<waiting-1@project.example>",
                "#waiting\r\n\r\nWhich version do you run?\r\n"));
        await().atMost(PATIENCE).until(() -> sectriage.db().events(id).contains("waiting-on-reporter"));

        clock.advance(Duration.ofDays(20));
        assertThat(sectriage.daemon().checkDeadlinesNow()).as("nothing is owed while the team waits").isZero();

        MimeMessage question = await().atMost(PATIENCE).until(() -> withSubject(REPORTER, "Re:").stream()
                .filter(m -> TestMail.text(m).contains("Which version")).toList(), l -> l.size() == 1).get(0);
        server().sendToSecurity(TestMail.report().from(REPORTER).replyTo(question).body("Version 2.4.0.").build());
        await().atMost(PATIENCE).until(() -> sectriage.db().inbound("processed") == 3);
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        sectriage.daemon().checkDeadlinesNow();

        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.SECONDARY, "ESCALATED").size() == 1);
    }

    @Test
    void aWeekBeforeTheEmbargoEndsTheTeamAndTheReporterAreRemindedOnce() throws Exception {
        String id = openCase();
        MimeMessage note = await().atMost(PATIENCE)
                .until(() -> server().sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        java.time.LocalDate embargo = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(30);
        server().sendToSecurity(TestMail.parse(("From: Maria <" + TestConfig.PRIMARY + ">\r\nTo: " + TestConfig.SECURITY
                + "\r\nSubject: Re: " + note.getSubject() + "\r\nMessage-ID: <embargo-1@project.example>\r\n"
                + "In-Reply-To: " + note.getMessageID() + "\r\n"
                + "Authentication-Results: mx.project.example; dkim=pass header.d=project.example\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n#confirm\r\n#embargo " + embargo
                + "\r\n\r\nConfirmed; we plan to publish on " + embargo + ".\r\n").getBytes(StandardCharsets.UTF_8)));
        await().atMost(PATIENCE).until(() -> sectriage.db().strings("SELECT state FROM security_case").contains("confirmed"));

        clock.advance(Duration.ofDays(22));
        sectriage.daemon().checkDeadlinesNow();
        clock.advance(Duration.ofDays(1));
        sectriage.daemon().checkDeadlinesNow();

        await().atMost(PATIENCE).until(() -> withSubject(REPORTER, "Embargo ends " + embargo).size() == 1);
        await().atMost(PATIENCE).until(() -> withSubject(TestConfig.SECONDARY, "Embargo ends " + embargo).size() == 1);
        assertThat(sectriage.db().events(id).stream().filter("reminded-before-disclosure"::equals)).hasSize(1);
    }

    @Test
    void aCaseClosedAsNotSecurityIsOwedNothing() {
        server().sendToSecurity(TestMail.report().from("user@example.net").subject("Feature request: dark mode")
                .body("It would be nice to have a dark mode. Any plans to add it?").build());
        await().atMost(PATIENCE).until(() -> sectriage.db().count("SELECT COUNT(*) FROM case_deadline") == 1);

        clock.advance(Duration.ofDays(30));

        assertThat(sectriage.daemon().checkDeadlinesNow()).isZero();
        assertThat(sectriage.db().count("SELECT COUNT(*) FROM case_deadline WHERE next_check_at IS NOT NULL")).isZero();
    }
}
