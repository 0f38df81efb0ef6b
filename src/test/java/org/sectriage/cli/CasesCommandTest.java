package org.sectriage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.Daemon;
import org.sectriage.config.SectriageConfig;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/** {@code cases list} and {@code cases show} read what the daemon stored, as text and as JSON. */
class CasesCommandTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    private SectriageConfig config;

    @BeforeEach
    void storeOneAcknowledgedCaseAndOneBrokenMessage() {
        GREENMAIL.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        MailServer server = new MailServer(GREENMAIL);
        config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        server.sendToSecurity(TestMail.report().from("alex@researcher.example").subject("XSS in preview").build());
        server.sendToSecurity(TestMail.parse(("From: broken@researcher.example\r\nTo: " + TestConfig.SECURITY
                + "\r\nSubject: broken\r\nMessage-ID: <broken@researcher.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed\r\n\r\nno boundary anywhere\r\n").getBytes(StandardCharsets.US_ASCII)));
        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(Duration.ofSeconds(30)).until(() -> db.outbox("acknowledgement", "sent") == 2);
        }
    }

    @Test
    void listShowsEachCaseWithItsStateAndAcknowledgement() {
        String out = run("cases", "list", "--database", config.database().url());

        assertThat(out).contains("CASE", "STATE", "ACK");
        assertThat(out.lines().filter(l -> l.startsWith("SEC-"))).hasSize(2)
                .allMatch(l -> l.contains("acknowledged") && l.contains(" yes "));
        assertThat(out).contains("XSS in preview", "alex@researcher.example");
    }

    @Test
    void listAsJsonPrintsOneObjectPerLine() throws Exception {
        String out = run("cases", "list", "--json", "--database", config.database().url());

        assertThat(out.lines()).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(out.lines().findFirst().orElseThrow());
        assertThat(first.get("id").asText()).matches("SEC-\\d{4}-\\d{4}");
        assertThat(first.get("acknowledgement").asText()).isEqualTo("yes");
    }

    @Test
    void showPrintsTheThreadWithDeliveryStatesAndTheEventLog() {
        String id = firstCase("XSS in preview");

        String out = run("cases", "show", id, "--database", config.database().url());

        assertThat(out).contains(id, "Thread:", "<- report", "-> acknowledgement", "delivery:   sent",
                "-> maintainer-notification", "Events:", "case-opened", "acknowledgement-sent");
    }

    @Test
    void aMailTheJournalHoldsAsSentIsShownSentThoughTheDatabaseHasItQueuedAsAKilledDaemonLeavesIt()
            throws Exception {
        String id = firstCase("XSS in preview");
        // as a kill -9 leaves it: the server took the acknowledgement, the journal says so, the database not yet
        try (org.sectriage.store.Database db = org.sectriage.store.Database.open(config.database().url(), "sectriage",
                null); org.sectriage.store.SentJournal journal = org.sectriage.store.SentJournal.of(db)) {
            org.sectriage.store.OutboxStore.OutboxRow ack = db.inTransaction(c ->
                    new org.sectriage.store.OutboxStore().forCase(c, id).stream()
                            .filter(r -> r.purpose().equals("acknowledgement")).findFirst().orElseThrow());
            db.run(c -> {
                try (var ps = c.prepareStatement("UPDATE outbox SET status = 'pending', sent_at = NULL WHERE id = ?")) {
                    ps.setLong(1, ack.id());
                    ps.executeUpdate();
                }
            });
            journal.append(new org.sectriage.store.SentJournal.Entry(ack.id(), ack.messageId(), ack.sentAt(), null));
        }

        String shown = run("cases", "show", id, "--database", config.database().url());
        String listed = run("cases", "list", "--database", config.database().url());

        assertThat(shown).contains("acknowledged:    yes");
        assertThat(shown.substring(shown.indexOf("-> acknowledgement"))).contains("delivery:   sent")
                .doesNotContain("delivery:   queued");
        assertThat(listed.lines().filter(l -> l.startsWith(id))).singleElement().asString().contains(" yes ");
    }

    @Test
    void aMalformedMessageIsStoredAndItsProblemsAreShown() throws Exception {
        String id = firstCase("broken");

        JsonNode view = new ObjectMapper().readTree(run("cases", "show", id, "--json", "--database",
                config.database().url()));

        JsonNode report = view.get("thread").get(0);
        assertThat(report.get("size_bytes").asLong()).isPositive();
        assertThat(report.get("problems").asText()).containsIgnoringCase("boundary");
    }

    @Test
    void showingAnUnknownCaseSaysSoAndFails() {
        CliRun run = CliRun.of("cases", "show", "SEC-1999-0042", "--database", config.database().url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no case SEC-1999-0042");
    }

    @Test
    void aDatabaseThatDoesNotExistIsReportedNotCreated(@org.junit.jupiter.api.io.TempDir Path empty) {
        String url = "jdbc:h2:file:" + empty.resolve("nothing-here").toAbsolutePath();

        CliRun run = CliRun.of("cases", "list", "--database", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("there is no database at " + url);
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void overdueListsOnlyTheCasesPastADeadlineAndShowPrintsEachDeadlinesState() {
        MailServer server = new MailServer(GREENMAIL);
        server.sendToSecurity(TestMail.report().from("late@researcher.example").subject("Nobody answered").build());
        // A daemon whose clock is ten days behind opens the case: by now its first response is a week overdue.
        Clock tenDaysAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-10));
        try (Daemon daemon = Daemon.create(config, tenDaysAgo)) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(Duration.ofSeconds(30)).until(() -> db.outbox("acknowledgement", "sent") == 3);
        }

        String overdue = run("cases", "list", "--overdue", "--database", config.database().url());
        assertThat(overdue.lines().filter(l -> l.startsWith("SEC-"))).singleElement()
                .satisfies(l -> assertThat(l).contains("Nobody answered").contains("first-response overdue by 7d"));

        String late = firstCase("Nobody answered");
        assertThat(run("cases", "show", late, "--database", config.database().url()))
                .contains("Deadlines:")
                .containsPattern("acknowledgement +\\S+ \\S+ UTC +met ")
                .containsPattern("first-response +\\S+ \\S+ UTC +overdue by 7d")
                .containsPattern("next-update +\\S+ \\S+ UTC +overdue by 5d");
        assertThat(run("cases", "show", firstCase("XSS in preview"), "--database", config.database().url()))
                .containsPattern("first-response +\\S+ \\S+ UTC +due in 2d 23h");
    }

    private String firstCase(String subject) {
        String out = run("cases", "list", "--database", config.database().url());
        return out.lines().filter(l -> l.contains(subject)).findFirst().orElseThrow().split("\\s+")[0];
    }

    private static String run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", String.join(" ", args), run.err()).isZero();
        return run.out();
    }
}
