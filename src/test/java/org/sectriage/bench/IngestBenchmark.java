package org.sectriage.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sectriage.Daemon;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.TestConfig;

/**
 * End-to-end ingest: {@value #MESSAGES} plain reports wait in the watched mailbox of a GreenMail
 * server; the daemon (its H2 file database created and migrated before the time starts) is started and
 * takes them in until each has its case and its acknowledgement queued. Beside it, the ceiling: a bare
 * Jakarta Mail bulk fetch ({@code UID FETCH 1:* BODY.PEEK[]}) of the same {@value #MESSAGES} messages
 * from the same kind of server. Both start from a full mailbox, so that neither pays for the server
 * taking the messages in (GreenMail, delivering into a folder while a {@code UID MOVE} runs on it,
 * sometimes drops or stalls the connection); both report the time per message; messages per second
 * is 10^6 divided by it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// the JIT compiles the daemon's code over the first ten or so iterations (the compiler threads take a
// core meanwhile): the measured ones come after
@Warmup(iterations = 15)
@Measurement(iterations = 5)
// the daemon logs a line per message at INFO; here only warnings, so that the output stays readable
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Dsectriage.log.level=WARN"})
public class IngestBenchmark {

    static final int MESSAGES = 1000;
    private static final String CEILING_USER = "ceiling@project.example";

    /** The daemon on a fresh database, for each iteration; the reports it will be given. */
    @State(Scope.Benchmark)
    public static class Sectriage {
        /**
         * {@code sending}: the outbox sends the acknowledgements and the maintainers' notifications to the same
         * GreenMail while the reports come in, as a daemon does. {@code smtp-down}: the configured SMTP port has no
         * server, so the outbox only tries now and then and the run measures the ingest alone, IMAP to queued
         * acknowledgement, which is what the ceiling is compared with; GreenMail taking two mails per report
         * in this JVM costs more CPU than any one part of the daemon.
         */
        @Param({"sending", "smtp-down"})
        String outbox;
        GreenMail greenMail;
        GreenMailUser security;
        Path dir;
        Daemon daemon;
        CaseDatabase db;
        int iteration;

        @Setup(Level.Trial)
        public void startMailServer() {
            greenMail = BenchSetup.mailServer();
            security = greenMail.getUserManager().getUserByEmail(TestConfig.SECURITY);
        }

        @Setup(Level.Iteration)
        public void startDaemon() throws Exception {
            iteration++;
            for (int i = 0; i < MESSAGES; i++) {
                security.deliver(BenchSetup.plainReport("r" + i + "@researcher.example",
                        "<ingest-" + iteration + "-" + i + "@researcher.example>", i));
            }
            dir = BenchSetup.tempDir();
            int smtpPort = outbox.equals("smtp-down") ? BenchSetup.closedPort() : greenMail.getSmtp().getPort();
            daemon = Daemon.create(BenchSetup.config(greenMail.getImap().getPort(), smtpPort, dir), Clock.systemUTC());
            db = new CaseDatabase(daemon.database());
        }

        @TearDown(Level.Iteration)
        public void stopDaemon() throws Exception {
            long running = BenchSetup.databaseBytes(dir);
            // the score includes the daemon's start (its timers, the login, the folders opened) before the
            // first fetch; from the database's own times, the rate once it runs
            int steadyMicros = db.count("SELECT DATEDIFF('MICROSECOND', (SELECT MIN(fetched_at) FROM inbound_message),"
                    + " (SELECT MAX(created_at) FROM outbox WHERE purpose = 'acknowledgement'))");
            System.out.printf("%nINGEST (%s) first report fetched to last acknowledgement queued: %.0f us per report%n",
                    outbox, steadyMicros / (double) MESSAGES);
            daemon.close();
            greenMail.purgeEmailFromAllMailboxes(); // GreenMail keeps every message in this JVM's heap
            System.out.printf("%nINGEST database file after %d reports: %.1f MB while running, %.1f MB closed%n",
                    MESSAGES, running / 1e6, BenchSetup.databaseBytes(dir) / 1e6);
            BenchSetup.delete(dir);
        }

        @TearDown(Level.Trial)
        public void stopMailServer() {
            greenMail.stop();
        }
    }

    /** The same reports in a mailbox of their own, fetched again and again. */
    @State(Scope.Benchmark)
    public static class Ceiling {
        GreenMail greenMail;
        IMAPStore store;

        @Setup(Level.Trial)
        public void fillMailbox() throws MessagingException {
            greenMail = BenchSetup.mailServer();
            GreenMailUser user = greenMail.setUser(CEILING_USER, CEILING_USER, TestConfig.PASSWORD);
            for (int i = 0; i < MESSAGES; i++) {
                user.deliver(BenchSetup.plainReport("r" + i + "@researcher.example",
                        "<ceiling-" + i + "@researcher.example>", i));
            }
            store = greenMail.getImap().createStore();
            store.connect(CEILING_USER, TestConfig.PASSWORD);
        }

        @TearDown(Level.Trial)
        public void stop() throws MessagingException {
            store.close();
            greenMail.stop();
        }
    }

    /** Starts the daemon and waits until every report has a case and a queued acknowledgement. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int sectriage(Sectriage s) {
        s.daemon.start();
        return BenchSetup.awaitAcknowledgements(s.db, MESSAGES);
    }

    /** Fetches every message's raw bytes in one bulk command, as the product's fetch does, without storing them. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long bareFetch(Ceiling c) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) c.store.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        try {
            long[] bytes = {0};
            int[] messages = {0};
            folder.doCommand(p -> {
                Response[] responses = p.command("UID FETCH 1:* (UID BODY.PEEK[])", null);
                for (Response r : responses) {
                    if (r instanceof FetchResponse fr && fr.getItem(BODY.class) != null) {
                        bytes[0] += fr.getItem(BODY.class).getByteArray().getNewBytes().length;
                        messages[0]++;
                    }
                }
                p.handleResult(responses[responses.length - 1]);
                return null;
            });
            if (messages[0] != MESSAGES) {
                throw new IllegalStateException("fetched " + messages[0] + " messages, expected " + MESSAGES);
            }
            return bytes[0];
        } finally {
            folder.close(false);
        }
    }
}
