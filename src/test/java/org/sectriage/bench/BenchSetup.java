package org.sectriage.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.sectriage.Daemon;
import org.sectriage.config.SectriageConfig;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/** What the end-to-end benchmarks share: the mail server, the daemon's config, the reports they send. */
final class BenchSetup {

    private BenchSetup() {
    }

    /** A GreenMail IMAP and SMTP server on free loopback ports, with the security mailbox. */
    static GreenMail mailServer() {
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        greenMail.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        return greenMail;
    }

    /**
     * The daemon's config for {@code greenMail}, with the example config's timers (IDLE renewed every
     * 9 minutes, the outbox looked at every 30 seconds besides after each batch) and acknowledgement
     * limits that a benchmark's thousands of reports stay under.
     */
    static SectriageConfig config(GreenMail greenMail, Path dir) {
        return config(greenMail.getImap().getPort(), greenMail.getSmtp().getPort(), dir);
    }

    /** As {@link #config(GreenMail, Path)}, for the IMAP server at {@code imapPort} and the SMTP one at {@code smtpPort}. */
    static SectriageConfig config(int imapPort, int smtpPort, Path dir) {
        SectriageConfig c = TestConfig.of(imapPort, smtpPort, dir, 1_000_000, 1_000_000);
        SectriageConfig.Mailbox m = c.mailbox();
        SectriageConfig.Mailbox mailbox = new SectriageConfig.Mailbox(m.host(), m.port(), m.security(), m.username(),
                m.password(), m.folder(), m.processedFolder(), true, Duration.ofSeconds(60), Duration.ofMinutes(9),
                m.connectTimeout(), m.readTimeout(), 200);
        SectriageConfig.Outbox outbox = new SectriageConfig.Outbox(Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofHours(4), Duration.ofSeconds(30));
        return new SectriageConfig(c.project(), mailbox, c.smtp(), c.database(), c.maintainers(), c.policy(),
                c.acknowledgement(), c.classification(), c.openpgp(), c.maintainerAuthentication(), c.advisory(),
                c.templates(), c.limits(), outbox);
    }

    /** A plain report, the kind most mail to security@ is: a few paragraphs, steps, a version. */
    static MimeMessage plainReport(String sender, String messageId, int n) {
        return TestMail.report().from(sender).messageId(messageId).subject(reportSubject(n)).body(reportText(n)).build();
    }

    static String reportSubject(int n) {
        return "XSS in the search page (" + n + ")";
    }

    /** The text of the {@code n}th report. */
    static String reportText(int n) {
        return """
                Hello,

                the search page reflects the q parameter without escaping it, so a link
                such as /search?q=<script>alert(%d)</script> runs script in the victim's session.

                Steps to reproduce:
                1. Install version 2.4.%d with the default configuration.
                2. Open /search?q=<script>alert(1)</script> while logged in.
                3. The alert shows; document.cookie is readable.

                Impact: session theft for any logged-in user who follows a link.
                No credentials are needed to craft the link.

                Regards,
                A researcher
                """.formatted(n, n % 10);
    }

    /** Starts a daemon with {@code config} and returns once its watcher has listed the empty mailbox and is in IDLE. */
    static Daemon startedDaemon(SectriageConfig config) throws Exception {
        Daemon daemon = Daemon.create(config, Clock.systemUTC());
        daemon.start();
        long cycles = daemon.watcherCycles();
        while (daemon.watcherCycles() == cycles) {
            LockSupport.parkNanos(1_000_000);
        }
        return daemon;
    }

    /** Waits until {@code expected} acknowledgements are queued in the outbox; gives up after ten minutes. */
    static int awaitAcknowledgements(CaseDatabase db, int expected) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int queued;
        while ((queued = db.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'acknowledgement'")) < expected) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("only " + queued + " of " + expected + " acknowledgements queued");
            }
            LockSupport.parkNanos(20_000_000);
        }
        return queued;
    }

    /** A loopback port no server listens on: one the system just gave out and that was closed again. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("sectriage-bench-");
    }

    /** The size of the H2 files under {@code dir}. */
    static long databaseBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".mv.db")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
