package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.parse.MailFixtures;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * A delivery report that returns one of our mails, as Postfix writes it: it belongs to that mail's case,
 * and when the mail was to the reporter, who may then never have heard from us, the team is told.
 */
class ReturnedMailTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REPORTER = "alex@researcher.example";

    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL);

    /** Postfix's report that {@code returned}, sent to {@code recipient}, could not be delivered. */
    private static MimeMessage deliveryReport(String returned, String recipient) {
        return report("dsn-bounce-postfix.eml", "<20250603121005.4Y9kZ10b3Kz9sW@mx.example.org>", returned, recipient);
    }

    /** qmail's report, without MIME parts, that {@code returned}, sent to {@code recipient}, could not be delivered. */
    private static MimeMessage qmailReport(String returned, String recipient) {
        return report("qmail-bounce-without-mime.eml", "<20250603121005.28817.qmail@mx.example.com>", returned, recipient);
    }

    /** The report in {@code fixture}, whose own Message-ID is {@code ownId}, made to return {@code returned}. */
    private static MimeMessage report(String fixture, String ownId, String returned, String recipient) {
        String text = new String(MailFixtures.bytes(fixture), StandardCharsets.UTF_8)
                .replace("<sectriage.SEC-2025-0043.ack@example.org>", returned)
                .replace("nobody@nonexistent.example.com", recipient)
                .replace("security@example.org", TestConfig.SECURITY)
                .replace(ownId, "<" + java.util.UUID.randomUUID() + "@mx>");
        return TestMail.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A report's acknowledgement, its case, and the team's notice once a delivery report returned the former. */
    private record Returned(MimeMessage ack, String caseId, MimeMessage notice) {
    }

    /** Sends a report, then Postfix's report that its acknowledgement was not delivered; waits for the team's notice. */
    private Returned returnedAcknowledgement() throws Exception {
        return returnedAcknowledgement(ReturnedMailTest::deliveryReport);
    }

    /** The same, with the delivery report {@code report} makes of the acknowledgement's Message-ID and recipient. */
    private Returned returnedAcknowledgement(java.util.function.BiFunction<String, String, MimeMessage> report)
            throws Exception {
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.report().from(REPORTER).subject("SQL injection in /search").build());
        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), l -> l.size() == 1)
                .get(0);
        String caseId = sectriage.db().strings("SELECT id FROM security_case").get(0);
        await().atMost(PATIENCE).until(() -> server.sentBySectriageTo(TestConfig.PRIMARY).size() == 1);

        server.sendToSecurity(report.apply(ack.getMessageID(), REPORTER));

        MimeMessage notice = await().atMost(PATIENCE).until(() -> server.sentBySectriageTo(TestConfig.PRIMARY),
                l -> l.size() == 2).get(1);
        return new Returned(ack, caseId, notice);
    }

    @Test
    void aReturnedAcknowledgementJoinsItsCaseAndTheTeamIsToldTheReporterMayNotHaveHeardFromUs() throws Exception {
        Returned returned = returnedAcknowledgement();
        String caseId = returned.caseId();
        CaseDatabase db = sectriage.db();

        assertThat(TestMail.text(returned.notice()))
                .contains("Our mail to the reporter of " + caseId + " came back undelivered").contains("User unknown")
                .as("the team is warned that a delivery report proves nothing of its sender")
                .contains("not authenticated");
        assertThat(MailServer.subject(returned.notice())).contains("[" + caseId + "]");
        assertThat(db.events(caseId)).contains("mail-returned");
        assertThat(db.cases()).as("no case of its own").isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM case_message WHERE direction = 'in'")).isEqualTo(2);
        assertThat(sectriage.server().acknowledgementsTo(REPORTER)).hasSize(1);
    }

    @Test
    void aReportWithoutMimePartsAsQmailSendsItJoinsTheCaseOfTheMailItCopies() throws Exception {
        Returned returned = returnedAcknowledgement(ReturnedMailTest::qmailReport);

        assertThat(TestMail.text(returned.notice()))
                .contains("Our mail to the reporter of " + returned.caseId() + " came back undelivered")
                .contains("no mailbox here by that name");
        assertThat(sectriage.db().events(returned.caseId())).contains("mail-returned");
        assertThat(sectriage.db().cases()).as("no case of its own").isEqualTo(1);
    }

    @Test
    void aSecondReportReturningTheSameMailIsFiledWithTheCaseWithoutTellingTheTeamAgain() throws Exception {
        Returned returned = returnedAcknowledgement();
        CaseDatabase db = sectriage.db();

        // a relay's second report of the same mail, or one forged by someone who learnt its Message-ID
        sectriage.server().sendToSecurity(deliveryReport(returned.ack().getMessageID(), REPORTER));

        await().atMost(PATIENCE).until(() -> db.events(returned.caseId()).stream().filter("mail-returned"::equals)
                .count() == 2);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> sectriage.server().sentBySectriageTo(TestConfig.PRIMARY).size() == 2);
        assertThat(db.count("SELECT COUNT(*) FROM case_message WHERE direction = 'in'")).isEqualTo(3);
    }

    @Test
    void aReturnedNotificationToAMaintainerIsRecordedOnItsCaseWithoutMailingTheTeamAgain() throws Exception {
        MailServer server = sectriage.server();
        CaseDatabase db = sectriage.db();
        server.sendToSecurity(TestMail.report().from(REPORTER).subject("SQL injection in /search").build());
        MimeMessage toMaria = await().atMost(PATIENCE).until(() -> server.sentBySectriageTo(TestConfig.PRIMARY),
                l -> l.size() == 1).get(0);
        String caseId = db.strings("SELECT id FROM security_case").get(0);

        server.sendToSecurity(deliveryReport(toMaria.getMessageID(), TestConfig.PRIMARY));

        await().atMost(PATIENCE).until(() -> db.events(caseId).contains("mail-returned"));
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY).size() == 1);
        assertThat(db.cases()).isEqualTo(1);
    }

    @Test
    void aReturnedMailToAReporterWhoIsAMaintainerStartsNoLoopOfNoticesToTheTeam() throws Exception {
        MailServer server = sectriage.server();
        CaseDatabase db = sectriage.db();
        // a maintainer forwards a report (or tests the address): the case's reporter is a maintainer, whose
        // mailbox then bounces; every notice to the team goes to that mailbox too
        server.sendToSecurity(TestMail.report().from(TestConfig.PRIMARY).subject("SQL injection in /search").build());
        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(TestConfig.PRIMARY),
                l -> l.size() == 1).get(0);
        String caseId = db.strings("SELECT id FROM security_case").get(0);

        server.sendToSecurity(deliveryReport(ack.getMessageID(), TestConfig.PRIMARY));
        await().atMost(PATIENCE).until(() -> db.events(caseId).stream().filter("mail-returned"::equals).count() == 1);
        for (int round = 0; round < 3; round++) {
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
            java.util.List<MimeMessage> notices = server.sentBySectriageTo(TestConfig.SECONDARY);
            if (notices.isEmpty()) {
                break;
            }
            // the notice to the team, sent to the bouncing maintainer too, comes back in turn
            server.sendToSecurity(deliveryReport(notices.get(notices.size() - 1).getMessageID(), TestConfig.PRIMARY));
            long returned = round + 2;
            await().atMost(PATIENCE).until(() -> db.events(caseId).stream().filter("mail-returned"::equals).count()
                    == returned);
        }
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
        assertThat(server.sentBySectriageTo(TestConfig.SECONDARY)).as("notices to the team about returned mail")
                .hasSizeLessThanOrEqualTo(1);
    }
}
