package org.sectriage.bench;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sectriage.Daemon;
import org.sectriage.testing.TestConfig;

/**
 * Acknowledgement latency with IDLE: a reporter sends one report by SMTP to the GreenMail server, and
 * the sample ends when the daemon's acknowledgement has been delivered to the reporter's mailbox on
 * the same server. Each sample starts before the SMTP transaction, so it includes the report's own
 * submission. The daemon runs with the example config's timers (IDLE renewed every 9 minutes, outbox
 * drain every 30 seconds besides the send after each batch), so nothing here is sped up by polling.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 20)
@Measurement(iterations = 5, time = 20)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Dsectriage.log.level=WARN"})
public class AcknowledgementLatencyBenchmark {

    private static final String REPORTER = "latency@researcher.example";

    @State(Scope.Benchmark)
    public static class Running {
        GreenMail greenMail;
        Path dir;
        Daemon daemon;
        Transport smtp;
        final Semaphore delivered = new Semaphore(0);
        int sent;

        @Setup(Level.Trial)
        public void start() throws Exception {
            greenMail = BenchSetup.mailServer();
            GreenMailUser reporter = greenMail.setUser(REPORTER, REPORTER, TestConfig.PASSWORD);
            greenMail.getManagers().getImapHostManager().getInbox(reporter).addListener(new Arrivals(delivered));
            dir = BenchSetup.tempDir();
            daemon = BenchSetup.startedDaemon(BenchSetup.config(greenMail, dir));
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
            smtp = Session.getInstance(p).getTransport("smtp");
            smtp.connect();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            smtp.close();
            daemon.close();
            greenMail.stop();
            BenchSetup.delete(dir);
        }
    }

    /** Sends one report and waits until its acknowledgement is in the reporter's mailbox. */
    @Benchmark
    public int reportToAcknowledgement(Running r) throws MessagingException, InterruptedException {
        int n = ++r.sent;
        r.smtp.sendMessage(BenchSetup.plainReport(REPORTER, "<latency-" + n + "@researcher.example>", n),
                new Address[] {new InternetAddress(TestConfig.SECURITY)});
        if (!r.delivered.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no acknowledgement of report " + n + " within 60 s");
        }
        return n;
    }

    /** Counts the messages added to a mailbox folder. */
    private record Arrivals(Semaphore delivered) implements FolderListener {
        @Override
        public void added(int msn) {
            delivered.release();
        }

        @Override
        public void expunged(int msn) {
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
        }

        @Override
        public void mailboxDeleted() {
        }
    }
}
