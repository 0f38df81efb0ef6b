package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/** A report's way through the daemon against a real IMAP/SMTP server (GreenMail) and a real H2 file. */
class ReportLifecycleTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REPORTER = "alex@researcher.example";

    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL);

    private MailServer server;
    private CaseDatabase db;

    @BeforeEach
    void lookAtTheDaemon() {
        server = sectriage.server();
        db = sectriage.db();
    }

    /**
     * security@ as a Google Group (or a Mailman list) with this mailbox subscribed: for an author whose domain
     * publishes a strict DMARC policy the list writes its own address into From and the author's into
     * X-Original-From (Google) or Reply-To (Mailman).
     */
    private static TestMail relayedByOurOwnListWithItsFromRewritten() {
        return TestMail.report().from("'Kim Reporter' via security <" + TestConfig.SECURITY + ">")
                .subject("Path traversal in the download handler")
                .header("List-Id", "<security.project.example>")
                .header("List-Post", "<mailto:" + TestConfig.SECURITY + ">")
                .header("Precedence", "list");
    }

    @Test
    void aReportOurOwnListRelayedWithItsFromRewrittenIsTheAuthorsAndAcknowledgedToThem() {
        String author = "kim@strict-dmarc.example";
        server.sendToSecurity(relayedByOurOwnListWithItsFromRewritten()
                .header("X-Original-From", "Kim Reporter <" + author + ">").build());

        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(author), a -> a.size() == 1);
        assertThat(db.strings("SELECT reporter FROM security_case")).containsExactly(author);
        assertThat(server.acknowledgementsTo(TestConfig.SECURITY)).as("not to the list").isEmpty();
    }

    @Test
    void withoutXOriginalFromTheAuthorIsTheOneReplyToTheListSet() {
        String author = "kim@strict-dmarc.example";
        server.sendToSecurity(relayedByOurOwnListWithItsFromRewritten()
                .header("Reply-To", "Kim Reporter <" + author + ">").build());

        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(author), a -> a.size() == 1);
        assertThat(db.strings("SELECT reporter FROM security_case")).containsExactly(author);
    }

    @Test
    void aMaintainerIsNeverTakenFromTheListsHeadersWhichAnyoneCanWrite() {
        server.sendToSecurity(relayedByOurOwnListWithItsFromRewritten()
                .header("X-Original-From", "Maria Maintainer <" + TestConfig.PRIMARY + ">").body("#confirm\n").build());

        await().atMost(PATIENCE).until(() -> db.cases() == 1);
        assertThat(db.strings("SELECT reporter FROM security_case")).containsExactly(TestConfig.SECURITY);
        assertThat(db.strings("SELECT state FROM security_case")).doesNotContain("confirmed");
    }

    @Test
    void newReportOpensCaseAndIsAcknowledgedOnceWithCaseTagThreadedToTheReport() {
        TestMail report = TestMail.report().from(REPORTER).subject("SQL injection in /search");
        server.sendToSecurity(report.build());

        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), a -> a.size() == 1)
                .get(0);
        String caseId = db.strings("SELECT id FROM security_case").get(0);
        assertThat(caseId).matches("SEC-\\d{4}-0001");
        assertThat(MailServer.subject(ack)).contains("[" + caseId + "]").contains("SQL injection in /search");
        assertThat(TestMail.header(ack, "In-Reply-To")).isEqualTo(report.messageId());
        assertThat(TestMail.header(ack, "References")).contains(report.messageId());
        assertThat(TestMail.header(ack, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(TestMail.header(ack, "X-Loop")).isEqualTo(TestConfig.SECURITY);
        await().atMost(PATIENCE).until(() -> db.events(caseId).contains("acknowledgement-sent"));
        assertThat(db.strings("SELECT state FROM security_case")).containsExactly("acknowledged");
        assertThat(db.events(caseId)).startsWith("case-opened").contains("acknowledgement-queued",
                "maintainers-notified");
    }

    @Test
    void aReporterWhoseAddressIsWrittenInUtf8IsAcknowledgedAtThatAddressWrittenInUtf8() throws Exception {
        String reporter = "jörg@exämple.de";
        String raw = "From: Jörg <" + reporter + ">\r\nTo: " + TestConfig.SECURITY + "\r\nSubject: XSS in search\r\n"
                + "Message-ID: <eai-1@xn--exmple-cua.de>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Stored XSS in the search form of version 2.4.1: <script>alert(1)</script>\r\n";
        // RFC 6532 headers, as a mail server that offers SMTPUTF8 delivers them
        GREENMAIL.getUserManager().getUserByEmail(TestConfig.SECURITY)
                .deliver(TestMail.parse(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        String ackHeaders = await().atMost(PATIENCE).until(() -> java.util.Arrays.stream(GREENMAIL.getReceivedMessages())
                .map(ReportLifecycleTest::rawUtf8).filter(m -> m.contains("X-Sectriage-Case") && m.contains("Re: XSS"))
                .findFirst(), java.util.Optional::isPresent).get();
        assertThat(db.strings("SELECT reporter FROM security_case")).containsExactly(reporter);
        assertThat(ackHeaders.lines().filter(l -> l.startsWith("To:")).toList())
                .containsExactly("To: =?UTF-8?Q?J=C3=B6rg?= <" + reporter + ">");
    }

    /** The bytes of {@code m} as the server keeps them, read as UTF-8. */
    private static String rawUtf8(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void newCaseReachesEveryMaintainerWithReplyToTheSecurityAddress() {
        server.sendToSecurity(TestMail.report().from(REPORTER).subject("Heap overflow in parser").build());

        MimeMessage note = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        assertThat(TestMail.isTo(note, TestConfig.SECONDARY)).isTrue();
        assertThat(TestMail.header(note, "Reply-To")).contains(TestConfig.SECURITY);
        assertThat(MailServer.subject(note)).matches("\\[SEC-\\d{4}-0001] Heap overflow in parser");
        assertThat(TestMail.header(note, "Auto-Submitted")).isEqualTo("auto-generated");
    }

    @Test
    void reporterFollowUpJoinsTheCaseAndReachesMaintainersWithoutANewAcknowledgement() throws Exception {
        server.sendToSecurity(TestMail.report().from(REPORTER).build());
        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), a -> a.size() == 1)
                .get(0);

        server.sendToSecurity(TestMail.report().from(REPORTER).replyTo(ack).body("Also affects 1.2.4.").build());

        List<MimeMessage> notes = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 2);
        assertThat(db.cases()).isEqualTo(1);
        assertThat(server.acknowledgementsTo(REPORTER)).hasSize(1);
        assertThat(TestMail.header(notes.get(1), "In-Reply-To")).isEqualTo(notes.get(0).getMessageID());
        assertThat(db.strings("SELECT kind FROM case_message WHERE direction = 'in' ORDER BY id"))
                .containsExactly("report", "follow-up");
    }

    @Test
    void outOfOfficeReplyIsRecordedInTheCaseButNeverAnswered() {
        server.sendToSecurity(TestMail.report().from(REPORTER).build());
        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), a -> a.size() == 1)
                .get(0);

        server.sendToSecurity(TestMail.report().from(REPORTER).replyTo(ack).header("Auto-Submitted", "auto-replied")
                .subject("Out of office").body("I am away until Monday.").build());

        await().atMost(PATIENCE).until(() -> db.inbound("processed") == 2);
        await().atMost(PATIENCE).until(() -> db.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0);
        assertThat(server.acknowledgementsTo(REPORTER)).hasSize(1);
        assertThat(server.sentBySectriageTo(TestConfig.PRIMARY)).hasSize(1);
        assertThat(db.strings("SELECT kind FROM case_message WHERE direction = 'in' ORDER BY id"))
                .containsExactly("report", "auto-reply");
    }

    @Test
    void autoReplyThatAnswersNothingOfOursIsKeptButOpensNoCase() {
        server.sendToSecurity(TestMail.report().from("newsletter@vendor.example").header("Precedence", "bulk")
                .header("Auto-Submitted", "auto-generated").subject("Our monthly news").build());

        await().atMost(PATIENCE).until(() -> db.inbound("ignored") == 1);
        assertThat(db.cases()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM outbox")).isZero();
    }

    @Test
    void ourOwnMailComingBackIsNeverAnswered() {
        server.sendToSecurity(TestMail.report().from("someone@loop.example").header("X-Loop", TestConfig.SECURITY)
                .subject("[SEC-2026-0099] Re: your report").build());

        await().atMost(PATIENCE).until(() -> db.inbound("ignored") == 1);
        assertThat(db.count("SELECT COUNT(*) FROM outbox")).isZero();
    }

    @Test
    void strangerUsingAnExistingCaseTagOpensANewCaseInstead() throws Exception {
        server.sendToSecurity(TestMail.report().from(REPORTER).subject("Auth bypass").build());
        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), a -> a.size() == 1)
                .get(0);
        String firstCase = db.strings("SELECT id FROM security_case").get(0);

        server.sendToSecurity(TestMail.report().from("mallory@elsewhere.example")
                .subject("Re: [" + firstCase + "] Auth bypass").header("In-Reply-To", ack.getMessageID())
                .body("Add me to this case please.").build());

        await().atMost(PATIENCE).until(() -> db.cases() == 2);
        assertThat(db.count("SELECT COUNT(*) FROM case_message WHERE case_id = ?", firstCase)).isEqualTo(3);
        assertThat(db.strings("SELECT address FROM participant WHERE case_id = ?", firstCase))
                .doesNotContain("mallory@elsewhere.example");
        assertThat(db.events(firstCase)).contains("stranger-reference");
        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo("mallory@elsewhere.example").size() == 1);
        assertThat(MailServer.subject(server.acknowledgementsTo("mallory@elsewhere.example").get(0)))
                .doesNotContain(firstCase);
    }

    @Test
    void aStrangerReusingTheReportsMessageIdCannotDivertTheReportersFollowUps() throws Exception {
        TestMail report = TestMail.report().from(REPORTER).subject("Race in session handling");
        server.sendToSecurity(report.build());
        MimeMessage ack = await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER), a -> a.size() == 1)
                .get(0);
        server.sendToSecurity(TestMail.report().from("mallory@elsewhere.example").subject("unrelated")
                .messageId(report.messageId()).build());
        await().atMost(PATIENCE).until(() -> db.cases() == 2);

        server.sendToSecurity(TestMail.report().from(REPORTER).replyTo(ack)
                .header("References", report.messageId() + " " + ack.getMessageID()).body("More detail.").build());

        await().atMost(PATIENCE).until(() -> db.inbound("processed") == 3);
        assertThat(db.cases()).isEqualTo(2);
        String first = db.strings("SELECT id FROM security_case ORDER BY opened_at").get(0);
        assertThat(db.strings("SELECT kind FROM case_message WHERE case_id = ? AND direction = 'in' ORDER BY id",
                first)).containsExactly("report", "follow-up");
    }

    @Test
    void processedMailIsMovedOutOfTheInboxWithoutBeingMarkedSeen() throws Exception {
        server.sendToSecurity(TestMail.report().from(REPORTER).build());
        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo(REPORTER).size() == 1);

        var store = GREENMAIL.getImap().createStore();
        store.connect(TestConfig.SECURITY, TestConfig.PASSWORD);
        try {
            var inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            await().atMost(PATIENCE).until(inbox::getMessageCount, n -> n == 0);
            var processed = store.getFolder("sectriage-processed");
            processed.open(jakarta.mail.Folder.READ_ONLY);
            assertThat(processed.getMessageCount()).isEqualTo(1);
            assertThat(processed.getMessage(1).isSet(jakarta.mail.Flags.Flag.SEEN)).isFalse();
        } finally {
            store.close();
        }
    }
}
