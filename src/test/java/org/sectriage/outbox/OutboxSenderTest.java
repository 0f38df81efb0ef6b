package org.sectriage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.config.SectriageConfig;
import org.sectriage.store.Database;
import org.sectriage.store.OutboxStore;
import org.sectriage.store.SentJournal;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;

/** The outbox's sender, against a real SMTP server and database: what the server accepted is recorded once. */
class OutboxSenderTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL =
            new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;
    private final MailServer server = new MailServer(GREENMAIL);
    private SectriageConfig config;
    private Database db;
    private SentJournal journal;
    private final OutboxStore store = new OutboxStore();

    @BeforeEach
    void open() {
        config = TestConfig.of(server.imapPort(), server.smtpPort(), dir);
        db = Database.open(config.database().url(), "sectriage", null);
        journal = SentJournal.of(db);
    }

    @AfterEach
    void close() {
        journal.close();
        db.close();
    }

    @Test
    void aMailWhoseFollowUpFailsIsStillRecordedSentAndTheOthersWithIt() {
        long failing = queue("first@researcher.example");
        long fine = queue("second@researcher.example");
        OutboxSender sender = sender((c, mail, at) -> {
            if (mail.id() == failing) {
                throw new IllegalStateException("its case could not be updated");
            }
        });

        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(sender.sendDue()).as("a second round finds nothing to send").isZero();

        CaseDatabase rows = new CaseDatabase(db);
        assertThat(rows.strings("SELECT status FROM outbox WHERE id IN (?, ?) ORDER BY id", failing, fine))
                .containsExactly("sent", "sent");
        assertThat(copiesTo("first@researcher.example")).isEqualTo(1);
        assertThat(copiesTo("second@researcher.example")).isEqualTo(1);
    }

    @Test
    void whatTheJournalHoldsIsRecordedBeforeAnythingIsSent() throws Exception {
        long accepted = queue("accepted@researcher.example");
        String messageId = new CaseDatabase(db).strings("SELECT message_id FROM outbox WHERE id = ?", accepted).get(0);
        journal.append(new SentJournal.Entry(accepted, messageId, java.time.Instant.now(), null));

        sender((c, mail, at) -> { }).recordSent();

        assertThat(new CaseDatabase(db).strings("SELECT status FROM outbox WHERE id = ?", accepted))
                .containsExactly("sent");
        assertThat(copiesTo("accepted@researcher.example")).isZero();
        assertThat(journal.entries()).isEmpty();
    }

    private OutboxSender sender(SentMailListener onSent) {
        return new OutboxSender(db, store, new SmtpOutboundMailer(config.smtp()), config.outbox(), Clock.systemUTC(),
                onSent, journal);
    }

    private long queue(String to) {
        byte[] raw = ("From: security@project.example\r\nTo: " + to + "\r\nSubject: test\r\n"
                + "Message-ID: <m-" + to + ">\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        return db.inTransaction(c -> store.insert(c, null, "acknowledgement", "<m-" + to + ">",
                "security@project.example", List.of(to), raw, java.time.Instant.now()));
    }

    private int copiesTo(String address) {
        return (int) java.util.Arrays.stream(GREENMAIL.getReceivedMessages())
                .filter(m -> org.sectriage.testing.TestMail.isTo(m, address)).count();
    }
}
