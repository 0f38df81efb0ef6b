package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.config.SectriageConfig;
import org.sectriage.store.InboundStore;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * What the classifier decides shapes what the daemon does: reports are acknowledged with what they
 * lack, other mail is pointed to the tracker, spam is set aside, and duplicates are pointed out.
 */
class ClassificationTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL, c -> TestConfig.withClassification(c,
            new SectriageConfig.ClassificationSettings(null, List.of("2.4", "2.5"), List.of(), 0.5,
                    SectriageConfig.NotSecurityHandling.POINT_TO_TRACKER, SectriageConfig.SpamHandling.SET_ASIDE)));

    private static final String XSS_REPORT = """
            Hello,

            I found a stored cross-site scripting vulnerability in the comment form. The comment body
            is rendered without escaping in src/views/comment.html, so an attacker can post
            <script>alert(document.cookie)</script> and it runs in the browser of every visitor.
            """;

    /** The bug of {@link #XSS_REPORT}, in other words from another reporter. */
    private static final String SAME_XSS_REPORT = """
            Hi team, the comment form is vulnerable to stored cross-site scripting: comments are
            rendered in src/views/comment.html without escaping, so an attacker can post
            <script>alert(document.cookie)</script> and every visitor of the page runs it.
            """;

    @Test
    void aReportIsAcknowledgedWithTheItemsItLacksAndMaintainersSeeItsClass() {
        MailServer server = sectriage.server();
        CaseDatabase db = sectriage.db();
        server.sendToSecurity(TestMail.report().from("alex@researcher.example").subject("Stored XSS in comments")
                .body(XSS_REPORT).build());

        MimeMessage ack = await().atMost(PATIENCE)
                .until(() -> server.acknowledgementsTo("alex@researcher.example"), l -> l.size() == 1).get(0);
        String text = TestMail.text(ack);
        assertThat(text).contains("please reply with:")
                .contains("the affected versions or components")
                .contains("step-by-step instructions to reproduce it")
                .doesNotContain("where it is in the code");
        assertThat(db.strings("SELECT vuln_class || ' ' || cwes || ' ' || severity FROM security_case"))
                .containsExactly("xss 79 medium");
        MimeMessage note = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(note)).contains("Classified: xss (CWE-79), severity medium (estimated from the text)");
        assertThat(db.events(db.strings("SELECT id FROM security_case").get(0))).contains("classified");
    }

    @Test
    void aReportOnAnUnsupportedVersionIsToldWhichVersionsAreSupported() {
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.report().from("old@researcher.example").subject("SQL injection in search")
                .body("Steps to reproduce on version 1.9.2: 1. open /search 2. enter ' OR '1'='1 and the query"
                        + " returns every row. An attacker can read the whole users table.").build());

        MimeMessage ack = await().atMost(PATIENCE)
                .until(() -> server.acknowledgementsTo("old@researcher.example"), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(ack)).contains("version 1.9.2, which does not receive security")
                .contains("(supported: 2.4, 2.5)");
        assertThat(sectriage.db().strings("SELECT unsupported_version FROM security_case")).containsExactly("1.9.2");
    }

    @Test
    void aFeatureRequestIsPointedToTheTrackerAndItsCaseIsClosedAsNotSecurity() {
        MailServer server = sectriage.server();
        CaseDatabase db = sectriage.db();
        server.sendToSecurity(TestMail.report().from("user@example.net").subject("Feature request: dark mode")
                .body("Hi! It would be nice to have a dark mode in the settings page. Any plans to add it?").build());

        MimeMessage answer = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo("user@example.net"), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(answer)).contains("https://tracker.project.example/issues")
                .doesNotContain("opened case");
        assertThat(db.strings("SELECT state FROM security_case")).containsExactly("not-security");
        assertThat(db.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'acknowledgement'")).isZero();
        MimeMessage note = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 1).get(0);
        assertThat(TestMail.text(note)).contains("NOT SECURITY").contains("reopen");
    }

    @Test
    void spamIsSetAsideUnansweredAndAnAdminCanHaveItProcessedAsAReport() throws Exception {
        MailServer server = sectriage.server();
        CaseDatabase db = sectriage.db();
        server.sendToSecurity(TestMail.report().from("growth@agency.example").subject("Boost your website ranking")
                .body("Dear friend, our agency offers SEO services and backlinks to get you on the first page of"
                        + " Google. Limited time offer, book a demo today! Unsubscribe here.").build());

        await().atMost(PATIENCE).until(() -> db.inbound("ignored") == 1);
        assertThat(db.cases()).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(db.strings("SELECT kind FROM inbound_message")).containsExactly("spam");

        long id = Long.parseLong(db.strings("SELECT id FROM inbound_message").get(0));
        boolean queued = sectriage.running().daemon().database().inTransaction(c -> new InboundStore().retry(c, id, true));
        assertThat(queued).isTrue();
        sectriage.running().daemon().checkMailboxNow();

        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo("growth@agency.example").size() == 1);
        // the case is marked acknowledged in the commit right after the server accepted the mail
        await().atMost(PATIENCE).until(() -> db.strings("SELECT state FROM security_case"),
                states -> states.equals(java.util.List.of("acknowledged")));
    }

    @Test
    void aSecondReportOfTheSameBugIsPointedOutAsALikelyDuplicateButNotMerged() {
        MailServer server = sectriage.server();
        CaseDatabase db = sectriage.db();
        server.sendToSecurity(TestMail.report().from("first@researcher.example").subject("XSS in comments")
                .body(XSS_REPORT).build());
        await().atMost(PATIENCE).until(() -> db.cases() == 1);
        server.sendToSecurity(TestMail.report().from("second@other.example").subject("Comment form runs scripts")
                .body(SAME_XSS_REPORT).build());

        await().atMost(PATIENCE).until(() -> db.cases() == 2);
        List<String> ids = db.strings("SELECT id FROM security_case ORDER BY id");
        assertThat(db.strings("SELECT similar_to FROM case_similarity WHERE case_id = ?", ids.get(1)))
                .containsExactly(ids.get(0));
        assertThat(db.events(ids.get(0))).contains("likely-duplicate");
        assertThat(db.strings("SELECT state FROM security_case ORDER BY id")).doesNotContain("duplicate");
        MimeMessage note = await().atMost(PATIENCE)
                .until(() -> server.sentBySectriageTo(TestConfig.PRIMARY), l -> l.size() == 2).get(1);
        assertThat(TestMail.text(note)).contains("Likely duplicate of:").contains(ids.get(0));
    }

    @Test
    void aReportOfABugReportedBeforeTheDaemonRestartedIsPointedOutAsALikelyDuplicate() {
        sectriage.server().sendToSecurity(TestMail.report().from("first@researcher.example").subject("XSS in comments")
                .body(XSS_REPORT).build());
        await().atMost(PATIENCE).until(() -> sectriage.db().cases() == 1);

        sectriage.restart();
        sectriage.server().sendToSecurity(TestMail.report().from("second@other.example")
                .subject("Comment form runs scripts").body(SAME_XSS_REPORT).build());

        CaseDatabase db = sectriage.db();
        await().atMost(PATIENCE).until(() -> db.cases() == 2);
        List<String> ids = db.strings("SELECT id FROM security_case ORDER BY id");
        assertThat(db.strings("SELECT similar_to FROM case_similarity WHERE case_id = ?", ids.get(1)))
                .containsExactly(ids.get(0));
    }

    @Test
    void reportsThatArriveTogetherAreEachClassifiedAndTheLaterDuplicateIsPointedOut() {
        CaseDatabase db = sectriage.db();
        var security = GREENMAIL.getUserManager().getUserByEmail(TestConfig.SECURITY);
        security.deliver(TestMail.report().from("first@researcher.example").subject("XSS in comments")
                .body(XSS_REPORT).build());
        security.deliver(TestMail.report().from("dba@other.example").subject("SQL injection in the search")
                .body("""
                        The search endpoint /api/search builds its query by string concatenation in
                        src/db/search.py: q=' OR '1'='1 returns every row of the users table (sqlmap confirms
                        a boolean-based blind SQL injection on version 2.4.1).
                        """).build());
        security.deliver(TestMail.report().from("second@other.example").subject("Comment form runs scripts")
                .body(XSS_REPORT.replace("Hello,", "Hi team,")).build());
        sectriage.running().daemon().checkMailboxNow();

        await().atMost(PATIENCE).until(() -> db.cases() == 3);
        List<String> ids = db.strings("SELECT id FROM security_case ORDER BY id");
        assertThat(db.strings("SELECT vuln_class FROM security_case ORDER BY id")).containsExactly("xss", "sqli", "xss");
        assertThat(db.strings("SELECT case_id || ' ' || similar_to FROM case_similarity"))
                .containsExactly(ids.get(2) + " " + ids.get(0));
    }
}
