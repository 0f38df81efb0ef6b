package org.sectriage.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.sectriage.store.Database;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.DatabaseFile;
import org.sectriage.testing.TestConfig;

/**
 * A flood: {@value #REPORTS} reports from {@value #SENDERS} senders land in the mailbox at once, and
 * the packaged daemon takes them in as its own process at {@code -Xmx256m}, as the systemd unit runs
 * it. The score is the time from the first delivery to the last acknowledgement the SMTP server
 * received. The teardown checks and prints the rest: the heap the daemon used (from its GC log), that
 * no sender got more acknowledgements than {@code acknowledgement.max-per-sender-per-hour}, and that
 * every report has its case and reached the maintainers.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Timeout(time = 40, timeUnit = TimeUnit.MINUTES)
public class FloodBenchmark {

    static final int REPORTS = 10_000;
    static final int SENDERS = 1_000;
    static final int PER_SENDER_PER_HOUR = 5;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @State(Scope.Benchmark)
    public static class Flood {
        GreenMail greenMail;
        GreenMailUser security;
        Path dir;
        Path gcLog;
        DaemonProcess daemon;
        List<MimeMessage> reports = new ArrayList<>();
        long firstDelivery;
        long burstDelivered;
        long lastAcknowledgement;
        long lastNotification;

        @Setup(Level.Trial)
        public void startDaemon() throws Exception {
            greenMail = BenchSetup.mailServer();
            security = greenMail.getUserManager().getUserByEmail(TestConfig.SECURITY);
            for (int i = 0; i < REPORTS; i++) {
                reports.add(BenchSetup.plainReport(sender(i % SENDERS), "<flood-" + i + "@researcher.example>", i));
            }
            dir = BenchSetup.tempDir();
            gcLog = dir.resolve("gc.log");
            Path config = TestConfig.writeYaml(greenMail.getImap().getPort(), greenMail.getSmtp().getPort(), dir, """
                    acknowledgement:
                      max-per-sender-per-hour: %d
                      max-per-hour: %d
                    """.formatted(PER_SENDER_PER_HOUR, REPORTS));
            daemon = DaemonProcess.start(config, "256m", dir.resolve("daemon.log"),
                    List.of("-Xlog:gc:file=" + gcLog));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!daemon.output().contains("watching INBOX")) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the daemon did not start:\n" + daemon.output());
                }
                LockSupport.parkNanos(50_000_000);
            }
        }

        @TearDown(Level.Trial)
        public void checkAndReport() throws Exception {
            boolean alive = daemon.isAlive();
            int exit = daemon.stop();
            String output = daemon.output();
            greenMail.stop();
            int[] heap = heapFromGcLog(gcLog);
            long fileBeforeOpen = Files.size(dir.resolve("sectriage.mv.db"));
            try (Database db = Database.open(DatabaseFile.in(dir).url(), "sectriage",
                    null)) {
                CaseDatabase cases = new CaseDatabase(db);
                int opened = cases.cases();
                int acknowledged = cases.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'acknowledgement'");
                int withheld = cases.count("SELECT COUNT(*) FROM case_event WHERE type = 'acknowledgement-withheld'");
                int mostToOneSender = cases.count("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM outbox"
                        + " WHERE purpose = 'acknowledgement' GROUP BY rate_key)");
                System.out.printf("%nFLOOD %d reports from %d senders: burst delivered in %.1f s; last acknowledgement"
                                + " %.1f s and last maintainer notification %.1f s after the first delivery%n", REPORTS,
                        SENDERS, seconds(burstDelivered), seconds(lastAcknowledgement), seconds(lastNotification));
                System.out.printf("FLOOD %d cases, %d acknowledgements (at most %d to one sender, limit %d), %d withheld%n",
                        opened, acknowledged, mostToOneSender, PER_SENDER_PER_HOUR, withheld);
                System.out.printf("FLOOD heap at -Xmx256m: peak %d MB used (before a collection), %d MB after the last"
                        + " of %d collections; alive to the end: %s, exit %d, OutOfMemoryError: %s%n", heap[0], heap[1],
                        heap[2], alive, exit, output.contains("OutOfMemoryError"));
                System.out.printf("FLOOD database file %d MB when the daemon stopped (exit %d: 143 after SIGTERM, 137"
                        + " when it was killed 30 s later)%n", fileBeforeOpen >> 20, exit);
                if (!alive || output.contains("OutOfMemoryError") || opened != REPORTS
                        || mostToOneSender > PER_SENDER_PER_HOUR || acknowledged + withheld != REPORTS) {
                    throw new IllegalStateException("the flood broke a promise; see the FLOOD lines and " + dir);
                }
            }
            BenchSetup.delete(dir);
        }

        private double seconds(long at) {
            return (at - firstDelivery) / 1e9;
        }
    }

    @Benchmark
    public long flood(Flood f) {
        f.firstDelivery = System.nanoTime();
        for (MimeMessage report : f.reports) {
            f.security.deliver(report);
        }
        f.burstDelivered = System.nanoTime();
        int acknowledgements = SENDERS * PER_SENDER_PER_HOUR;
        while (f.daemon.isAlive()) {
            if (f.lastAcknowledgement == 0 && acknowledgementsReceived(f.greenMail) >= acknowledgements) {
                f.lastAcknowledgement = System.nanoTime();
            }
            if (f.lastNotification == 0
                    && f.greenMail.getUserManager().getUserByEmail(TestConfig.PRIMARY) != null
                    && inboxSize(f.greenMail, TestConfig.PRIMARY) >= REPORTS) {
                f.lastNotification = System.nanoTime();
            }
            if (f.lastAcknowledgement != 0 && f.lastNotification != 0) {
                break;
            }
            LockSupport.parkNanos(200_000_000);
        }
        return f.lastAcknowledgement - f.firstDelivery;
    }

    private static String sender(int n) {
        return "flood" + n + "@researcher.example";
    }

    private static int acknowledgementsReceived(GreenMail greenMail) {
        int total = 0;
        for (int s = 0; s < SENDERS; s++) {
            total += inboxSize(greenMail, sender(s));
        }
        return total;
    }

    private static int inboxSize(GreenMail greenMail, String address) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return 0;
        }
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Peak heap used before a collection, heap after the last one (MB), and the number of collections. */
    static int[] heapFromGcLog(Path gcLog) throws IOException {
        int peak = 0;
        int last = 0;
        int collections = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (line.contains("Pause") && m.find()) {
                peak = Math.max(peak, Integer.parseInt(m.group(1)));
                last = Integer.parseInt(m.group(2));
                collections++;
            }
        }
        return new int[] {peak, last, collections};
    }
}
