package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.Daemon;
import org.sectriage.config.SectriageConfig;
import org.sectriage.ingest.ImapMailboxClient;
import org.sectriage.ingest.MailboxClient;
import org.sectriage.ingest.MailboxException;
import org.sectriage.ingest.MailboxIngester;
import org.sectriage.store.Database;
import org.sectriage.store.InboundStore;
import org.sectriage.store.SentJournal;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.FreePorts;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/** Nothing lost, nothing acknowledged twice, whatever step a crash interrupts. */
class ExactlyOnceTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final MailServer server = new MailServer(GREENMAIL);

    @BeforeEach
    void createMailbox() {
        GREENMAIL.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
    }

    @Test
    void crashAfterStoringButBeforeMovingNeitherLosesNorAcknowledgesTwice() throws Exception {
        SectriageConfig config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        for (int i = 0; i < 3; i++) {
            server.sendToSecurity(TestMail.report().from("r" + i + "@researcher.example").build());
        }
        // First life: the messages are committed to the database, then the process dies before the move.
        try (Database db = Database.open(config.database().url(), "sectriage", null);
             MailboxClient mailbox = new DiesBeforeMove(new ImapMailboxClient(config.mailbox()))) {
            mailbox.open();
            MailboxIngester ingester = new MailboxIngester(mailbox, db, new InboundStore(), Clock.systemUTC(), 200);
            assertThatThrownBy(ingester::ingestOnce).hasMessageContaining("killed");
            assertThat(new CaseDatabase(db).inbound("stored")).isEqualTo(3);
        }

        // Second life: the same messages are still in the INBOX; they are recognised, moved, and processed once.
        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(PATIENCE).until(() -> db.inbound("processed") == 3);
            await().atMost(PATIENCE).until(() -> db.outbox("acknowledgement", "sent") == 3);
            assertThat(db.count("SELECT COUNT(*) FROM inbound_message")).isEqualTo(3);
            assertThat(db.cases()).isEqualTo(3);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(server.acknowledgementsTo("r" + i + "@researcher.example")).hasSize(1);
        }
    }

    @Test
    void restartWithMessagesStoredButNotProcessedProcessesEachOnce() throws Exception {
        SectriageConfig config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        server.sendToSecurity(TestMail.report().from("early@researcher.example").build());
        // First life: stored and moved, then the process dies before the pipeline ran.
        try (Database db = Database.open(config.database().url(), "sectriage", null);
             MailboxClient mailbox = new ImapMailboxClient(config.mailbox())) {
            mailbox.open();
            new MailboxIngester(mailbox, db, new InboundStore(), Clock.systemUTC(), 200).ingestOnce();
            assertThat(new CaseDatabase(db).inbound("stored")).isEqualTo(1);
        }

        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(PATIENCE).until(() -> db.outbox("acknowledgement", "sent") == 1);
            assertThat(db.cases()).isEqualTo(1);
        }
        assertThat(server.acknowledgementsTo("early@researcher.example")).hasSize(1);
    }

    @Test
    void restartingTheDaemonDoesNotAnswerAnyReportAgain() {
        SectriageConfig config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        server.sendToSecurity(TestMail.report().from("once@researcher.example").build());
        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            await().atMost(PATIENCE).until(() -> server.acknowledgementsTo("once@researcher.example").size() == 1);
        }
        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            long cycles = daemon.watcherCycles();
            // one whole cycle of the new life: list the mailbox and store, and the pipeline's run at the start
            await().atMost(PATIENCE).until(() -> daemon.watcherCycles() > cycles);
            await().atMost(PATIENCE).until(() -> daemon.pipelineRounds() > 0);
            assertThat(new CaseDatabase(daemon.database()).cases()).isEqualTo(1);
        }
        assertThat(server.acknowledgementsTo("once@researcher.example")).hasSize(1);
    }

    @Test
    void aMailTheServerAcceptedJustBeforeACrashIsRecordedFromTheJournalAndNotSentAgain() throws Exception {
        SectriageConfig config = reportQueuedWhileSmtpIsUnreachable("journaled@researcher.example");
        // What a process killed right after the server's 250 leaves: the acknowledgement in the journal only.
        // after the case was opened, as the server's acceptance of its acknowledgement is (the journal keeps
        // milliseconds: the next one, so that it is not before the opening in the same millisecond)
        java.time.Instant accepted = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .plusMillis(1);
        journal(config, (id, messageId) -> new SentJournal.Entry(id, messageId, accepted, null));

        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(PATIENCE).until(() -> db.outbox("maintainer-notification", "sent") == 1);
            assertThat(db.outbox("acknowledgement", "sent")).isEqualTo(1);
            assertThat(db.strings("SELECT CAST(sent_at AS VARCHAR) FROM outbox WHERE purpose = 'acknowledgement'"))
                    .singleElement().asString().startsWith(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .withZone(java.time.ZoneOffset.UTC).format(accepted));
            assertThat(db.strings("SELECT state FROM security_case")).containsExactly("acknowledged");
            assertThat(db.count("SELECT COUNT(*) FROM case_event WHERE type = 'acknowledgement-sent'")).isEqualTo(1);
        }
        assertThat(server.acknowledgementsTo("journaled@researcher.example")).isEmpty();
        assertThat(server.deliveredBySectriageTo(TestConfig.PRIMARY)).hasSize(1);
        assertThat(dir.resolve("sectriage" + SentJournal.SUFFIX)).isEmptyFile();
    }

    @Test
    void aLineCutByACrashOfTheMachineSwallowsNoMailJournaledAfterIt() throws Exception {
        SectriageConfig config = reportQueuedWhileSmtpIsUnreachable("after-cut@researcher.example");
        // the last write before the machine went down, cut short: no line end, and nothing recorded of it
        java.nio.file.Files.writeString(dir.resolve("sectriage" + SentJournal.SUFFIX), "99\t%3Cold%40x%3E\t17");

        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            // recorded sent only once a line of it was read back: a swallowed line would have it sent again first
            await().atMost(PATIENCE).until(() -> db.outbox("acknowledgement", "sent") == 1
                    && db.outbox("maintainer-notification", "sent") == 1);
        }
        assertThat(server.acknowledgementsTo("after-cut@researcher.example")).hasSize(1);
        assertThat(server.deliveredBySectriageTo(TestConfig.PRIMARY)).hasSize(1);
        assertThat(dir.resolve("sectriage" + SentJournal.SUFFIX)).isEmptyFile();
    }

    @Test
    void aJournalLineForAnotherMailUnderTheSameIdLeavesTheRowToBeSent() throws Exception {
        SectriageConfig config = reportQueuedWhileSmtpIsUnreachable("restored@researcher.example");
        // a line left from before the database was put back from a backup, whose ids were given anew since
        journal(config, (id, messageId) -> new SentJournal.Entry(id, "<older-mail@project.example>",
                java.time.Instant.now(), null));

        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(PATIENCE).until(() -> db.outbox("acknowledgement", "sent") == 1);
        }
        assertThat(server.acknowledgementsTo("restored@researcher.example")).hasSize(1);
    }

    /**
     * Takes in a report from {@code reporter} while the SMTP server cannot be reached, so that its mails stay
     * queued; returns the config with the server reachable, on the same database.
     */
    private SectriageConfig reportQueuedWhileSmtpIsUnreachable(String reporter) throws Exception {
        server.sendToSecurity(TestMail.report().from(reporter).build());
        try (Daemon daemon = Daemon.create(TestConfig.of(server.imapPort(), FreePorts.onLoopback(1)[0], dir), Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(PATIENCE).until(() -> db.outbox("acknowledgement", "pending") == 1
                    && db.outbox("maintainer-notification", "pending") == 1);
        }
        return TestConfig.of(server.imapPort(), server.smtpPort(), dir);
    }

    /** Writes the journal's line for the queued acknowledgement, given its outbox id and Message-ID. */
    private static void journal(SectriageConfig config,
                                java.util.function.BiFunction<Long, String, SentJournal.Entry> line) throws Exception {
        try (Database db = Database.open(config.database().url(), "sectriage", null);
             SentJournal journal = SentJournal.of(db)) {
            CaseDatabase cases = new CaseDatabase(db);
            long id = cases.count("SELECT id FROM outbox WHERE purpose = 'acknowledgement'");
            String messageId = cases.strings("SELECT message_id FROM outbox WHERE id = ?", id).get(0);
            journal.append(line.apply(id, messageId));
        }
    }

    @Test
    void mailsSentInARowAreEachRecordedOnceWhenTheyOutnumberOneRecordingOfTheJournal() {
        int reports = 20; // an acknowledgement and a notification each: more mails than one recording takes
        SectriageConfig config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        for (int i = 0; i < reports; i++) {
            server.sendToSecurity(TestMail.report().from("row" + i + "@researcher.example").build());
        }
        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(PATIENCE).until(() -> db.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")
                    == 2 * reports);
            assertThat(db.count("SELECT COUNT(*) FROM case_event WHERE type LIKE '%-sent'")).isEqualTo(2 * reports);
            assertThat(db.strings("SELECT DISTINCT state FROM security_case")).containsExactly("acknowledged");
        }
        for (int i = 0; i < reports; i++) {
            assertThat(server.acknowledgementsTo("row" + i + "@researcher.example")).hasSize(1);
        }
        assertThat(server.deliveredBySectriageTo(TestConfig.PRIMARY)).hasSize(reports);
        assertThat(dir.resolve("sectriage" + SentJournal.SUFFIX)).isEmptyFile();
    }

    @Test
    void aPipelineRoundThatFailsIsTriedAgainAndLosesNothing() throws Exception {
        SectriageConfig config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        server.sendToSecurity(TestMail.report().from("patient@researcher.example").build());
        try (Database db = Database.open(config.database().url(), "sectriage", null);
             MailboxClient mailbox = new ImapMailboxClient(config.mailbox())) {
            mailbox.open();
            new MailboxIngester(mailbox, db, new InboundStore(), Clock.systemUTC(), 200).ingestOnce();
            // the stored messages out of the pipeline's reach, as while the database is away
            db.run(c -> c.createStatement().execute("ALTER TABLE inbound_message RENAME TO inbound_message_away"));
        }

        try (Daemon daemon = Daemon.create(config, Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            await().atMost(PATIENCE).until(() -> daemon.failedPipelineRounds() >= 1);
            assertThat(daemon.pipelineRounds()).as("rounds that went through").isZero();
            daemon.database().run(c -> c.createStatement()
                    .execute("ALTER TABLE inbound_message_away RENAME TO inbound_message"));

            await().atMost(PATIENCE).until(() -> db.outbox("acknowledgement", "sent") == 1);
            assertThat(db.inbound("processed")).isEqualTo(1);
            assertThat(db.cases()).isEqualTo(1);
        }
        assertThat(server.acknowledgementsTo("patient@researcher.example")).hasSize(1);
    }

    @Test
    void theSameMessageUnderNewUidsIsStoredOnlyOnce() throws Exception {
        SectriageConfig config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        byte[] raw = TestMail.bytes(TestMail.report().build());
        try (Database db = Database.open(config.database().url(), "sectriage", null)) {
            InboundStore store = new InboundStore();
            // As after a server's UIDVALIDITY reset: same Message-ID and bytes, new UIDVALIDITY and UID.
            List<Boolean> stored = db.inTransaction(c -> List.of(
                    store.insert(c, new InboundStore.NewInbound("INBOX", 1, 7, "<a@b>", "hash", raw.length,
                            new java.io.ByteArrayInputStream(raw)), java.time.Instant.now()).isPresent(),
                    store.insert(c, new InboundStore.NewInbound("INBOX", 2, 1, "<a@b>", "hash", raw.length,
                            new java.io.ByteArrayInputStream(raw)), java.time.Instant.now()).isPresent()));
            assertThat(stored).containsExactly(true, false);
            java.util.Set<Long> uids = db.inTransaction(c -> store.storedUids(c, "INBOX", 2, 1, 1));
            assertThat(uids).containsExactly(1L);
        }
    }

    /** A mailbox whose process is killed the moment it would move messages away. */
    private static final class DiesBeforeMove implements MailboxClient {
        private final MailboxClient real;

        DiesBeforeMove(MailboxClient real) {
            this.real = real;
        }

        @Override
        public void moveToProcessed(Collection<Long> uids) {
            throw new IllegalStateException("process killed before moving " + uids);
        }

        @Override
        public java.util.Optional<String> whyStoredMailStays() {
            return real.whyStoredMailStays();
        }

        @Override
        public void open() throws MailboxException {
            real.open();
        }

        @Override
        public boolean isOpen() {
            return real.isOpen();
        }

        @Override
        public long uidValidity() {
            return real.uidValidity();
        }

        @Override
        public String folder() {
            return real.folder();
        }

        @Override
        public List<MessageRef> list() throws MailboxException {
            return real.list();
        }

        @Override
        public void fetch(Collection<Long> uids, RawSink sink) throws MailboxException {
            real.fetch(uids, sink);
        }

        @Override
        public void fetchInto(long uid, OutputStream out) throws MailboxException {
            real.fetchInto(uid, out);
        }

        @Override
        public void awaitNewMail(Duration max) throws MailboxException {
            real.awaitNewMail(max);
        }

        @Override
        public void wakeUp() {
            real.wakeUp();
        }

        @Override
        public boolean usesIdle() {
            return real.usesIdle();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
