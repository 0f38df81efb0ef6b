package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.store.Database;
import org.sectriage.testing.Acknowledgements;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.DatabaseFile;
import org.sectriage.testing.RestartableMailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * The packaged daemon, as its own 256 MB process, under the faults a mail daemon meets in service:
 * killed with SIGKILL at random moments, its IMAP server going away in the middle of a fetch, its
 * SMTP server down for a while. Whatever happens, every report gets exactly one case and exactly one
 * acknowledgement, counted on the SMTP side. Each test prints its figures as a {@code FAULT} line.
 */
class FaultInjectionIT {

    private static final String HEAP = "256m";
    /** Acknowledgement limits that a test's hundreds of distinct reporters stay under. */
    private static final String LIMITS = """
            acknowledgement:
              max-per-sender-per-hour: 5
              max-per-hour: 100000
            """;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private RestartableMailServer server;
    private Path config;
    private Path log;
    private final Random random = new Random(Long.getLong("fault.seed", System.nanoTime()));

    @BeforeEach
    void startMailServer(org.junit.jupiter.api.TestInfo test) throws Exception {
        // a killed daemon or a stopped server resets connections, and GreenMail's handler threads throw
        // for it; Awaitility would take that for a failure of the condition it waits for
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        server = RestartableMailServer.start();
        config = TestConfig.writeYaml(server.imapPort(), server.smtpPort(), dir, LIMITS);
        // the daemon's output, every life of it, kept beside the test reports
        Path logs = Files.createDirectories(Path.of("target", "failsafe-reports", "daemon-logs"));
        log = logs.resolve("FaultInjectionIT." + test.getTestMethod().orElseThrow().getName() + ".log").toAbsolutePath();
        Files.deleteIfExists(log);
    }

    @AfterEach
    void stopMailServer() {
        server.close();
        org.awaitility.Awaitility.reset();
    }

    @Test
    void killedTwentyTimesWhileFiveHundredReportsArriveLosesNothingAndAnswersNothingTwice() throws Exception {
        int reports = 500;
        int kills = 20;
        List<String> ids = reportIds(reports);
        Thread arrivals = deliverInBackground(ids, Duration.ofSeconds(45));
        int duringStartup = 0;
        for (int k = 0; k < kills; k++) {
            long logBefore = Files.exists(log) ? Files.size(log) : 0;
            DaemonProcess daemon = DaemonProcess.start(config, HEAP, log, List.of());
            try {
                if (random.nextInt(5) == 0) {
                    // one life in five dies while it starts: opening the database, its timers, the mailbox
                    Thread.sleep(300 + random.nextInt(2500));
                } else {
                    // the others once they take mail: the backlog a kill left, or the mailbox
                    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                            .failFast("daemon died", () -> !daemon.isAlive())
                            .until(() -> lifeLog(logBefore).matches("(?s).*(watching INBOX|processed as).*"));
                    Thread.sleep(random.nextInt(3000));
                }
                assertThat(daemon.isAlive()).as("daemon life %d is running before it is killed:%n%s", k + 1,
                        daemon.output()).isTrue();
            } finally {
                daemon.kill();
            }
            if (!lifeLog(logBefore).matches("(?s).*(watching INBOX|processed as).*")) {
                duringStartup++;
            }
        }
        arrivals.join();

        finalLife(ids);
        Tally t = tally(ids);
        System.out.printf("FAULT kill-9: %d reports, %d kills (%d during start-up), %s, %d resent with the same"
                + " Message-ID%n", reports, kills, duringStartup, t, t.acks().resentCopies(ids));
        t.assertNothingLostOrDuplicated(reports);
    }

    @Test
    void imapServerStoppedAndStartedAgainMidFetchLosesNothingAndStoresNothingTwice() throws Exception {
        int outages = 6;
        List<String> ids = new ArrayList<>();
        java.util.Map<String, Long> ended;
        try (DaemonProcess daemon = DaemonProcess.start(config, HEAP, log, List.of())) {
            awaitWatching(daemon, 0);
            for (int k = 0; k < outages; k++) {
                // a 4 MB report, fetched in chunks, and twenty small ones: the server goes away while they are read
                String big = "<big-" + k + "@researcher.example>";
                ids.add(big);
                server.deliverToSecurity(TestMail.parse(withAttachment("big" + k + "@researcher.example", big,
                        4 * 1024 * 1024)));
                for (int i = 0; i < 20; i++) {
                    String id = "<imap-" + k + "-" + i + "@researcher.example>";
                    ids.add(id);
                    server.deliverToSecurity(TestMail.report().from("i" + k + "-" + i + "@researcher.example")
                            .messageId(id).build());
                }
                Thread.sleep(50 + random.nextInt(400));
                server.stopImap();
                Thread.sleep(2000);
                server.startImap();
                await().atMost(Duration.ofSeconds(60)).failFast("daemon died", () -> !daemon.isAlive())
                        .until(() -> server.count("INBOX") == 0);
            }
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> Acknowledgements.in(server.allMessages()).unanswered(ids) == 0);
            String output = daemon.output();
            // what the daemon was doing when the server went away, or when it tried to reconnect
            ended = java.util.regex.Pattern.compile("mailbox unavailable, retrying in \\d+s: (UID \\w+|\\w+ \\w+)")
                    .matcher(output).results().map(m -> m.group(1)).collect(java.util.stream.Collectors.groupingBy(
                            w -> w, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
            assertThat(daemon.stop()).isIn(0, 143);
        }
        Tally t = tally(ids);
        System.out.printf("FAULT imap-restart: %d reports, %d outages of 2 s (failures seen, by command: %s), %s%n",
                ids.size(), outages, ended, t);
        t.assertNothingLostOrDuplicated(ids.size());
    }

    @Test
    void smtpServerDownForTwentySecondsDelaysAcknowledgementsButLosesAndRepeatsNone() throws Exception {
        List<String> ids = reportIds(50);
        long downFor = 20_000;
        long backAt;
        long lastAcknowledged;
        try (DaemonProcess daemon = DaemonProcess.start(config, HEAP, log, List.of())) {
            awaitWatching(daemon, 0);
            server.stopSmtp();
            long downAt = System.nanoTime();
            for (int i = 0; i < ids.size(); i++) {
                server.deliverToSecurity(TestMail.report().from("s" + i + "@researcher.example").messageId(ids.get(i))
                        .build());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> daemon.output().contains("could not send acknowledgement"));
            Thread.sleep(Math.max(0, downFor - (System.nanoTime() - downAt) / 1_000_000));
            assertThat(Acknowledgements.in(server.allMessages()).unanswered(ids)).isEqualTo(ids.size());
            server.startSmtp();
            backAt = System.nanoTime();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> Acknowledgements.in(server.allMessages()).unanswered(ids) == 0);
            lastAcknowledged = System.nanoTime();
            Thread.sleep(3000);
            assertThat(daemon.stop()).isIn(0, 143);
        }
        Tally t = tally(ids);
        System.out.printf("FAULT smtp-down: %d reports, SMTP down %d s, %s, all delivered %.1f s after SMTP was back%n",
                ids.size(), downFor / 1000, t, (lastAcknowledged - backAt) / 1e9);
        t.assertNothingLostOrDuplicated(ids.size());
    }

    /** What became of the reports: counted in the stopped daemon's database and on the SMTP side. */
    private record Tally(int cases, int stored, long acknowledged, int lost, int duplicated, Acknowledgements acks) {
        void assertNothingLostOrDuplicated(int reports) {
            assertThat(lost).as("reports lost").isZero();
            assertThat(duplicated).as("reports duplicated").isZero();
            assertThat(cases).as("cases").isEqualTo(reports);
            assertThat(stored).as("inbound messages stored").isEqualTo(reports);
        }

        @Override
        public String toString() {
            return cases + " cases, " + acknowledged + " acknowledgements, " + lost + " lost, " + duplicated
                    + " duplicated";
        }
    }

    private Tally tally(List<String> ids) {
        Acknowledgements acks = Acknowledgements.in(server.allMessages());
        try (Database db = openDatabase()) {
            CaseDatabase cases = new CaseDatabase(db);
            return new Tally(cases.cases(), cases.count("SELECT COUNT(*) FROM inbound_message"),
                    acks.answeredOnce(ids), lost(cases, acks, ids), duplicated(cases, acks, ids), acks);
        }
    }

    private void awaitWatching(DaemonProcess daemon, long logFrom) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .failFast("daemon died", () -> !daemon.isAlive())
                .until(() -> lifeLog(logFrom).contains("watching INBOX"));
    }

    /** A report with a random attachment of {@code size} bytes, base64-encoded. */
    private byte[] withAttachment(String from, String messageId, int size) {
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        String head = "From: " + from + "\r\nTo: " + TestConfig.SECURITY + "\r\nSubject: crash dump\r\nMessage-ID: "
                + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nThe dump is attached. Version 3.1.\r\n--b\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        return (head + java.util.Base64.getMimeEncoder().encodeToString(payload) + "\r\n--b--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Runs the daemon until every report is acknowledged and the outbox is empty, then stops it as systemd does. */
    private void finalLife(List<String> ids) throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(config, HEAP, log, List.of())) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> Acknowledgements.in(server.allMessages()).unanswered(ids) == 0
                            && server.count("INBOX") == 0);
            // the maintainers' notifications of the last reports, then a quiet second for any resend
            Thread.sleep(3000);
            assertThat(daemon.stop()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(daemon.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /** What the daemon logged since the log had {@code from} bytes. */
    private String lifeLog(long from) throws java.io.IOException {
        return Files.readString(log).substring((int) from);
    }

    /** Reports without a case, or without an acknowledgement. */
    private static int lost(CaseDatabase cases, Acknowledgements acks, List<String> ids) {
        int lost = 0;
        for (String id : ids) {
            int inCase = cases.count("SELECT COUNT(DISTINCT case_id) FROM inbound_message WHERE message_id = ?"
                    + " AND status = 'processed'", id);
            if (inCase == 0 || acks.distinct(id) == 0) {
                lost++;
            }
        }
        return lost;
    }

    /** Reports stored twice, in two cases, or answered by two different acknowledgements. */
    private static int duplicated(CaseDatabase cases, Acknowledgements acks, List<String> ids) {
        int duplicated = 0;
        for (String id : ids) {
            int stored = cases.count("SELECT COUNT(*) FROM inbound_message WHERE message_id = ?", id);
            int inCases = cases.count("SELECT COUNT(DISTINCT case_id) FROM inbound_message WHERE message_id = ?", id);
            int queued = cases.count("SELECT COUNT(*) FROM outbox o JOIN inbound_message i ON i.case_id = o.case_id"
                    + " WHERE i.message_id = ? AND o.purpose = 'acknowledgement'", id);
            if (stored > 1 || inCases > 1 || queued > 1 || acks.distinct(id) > 1) {
                duplicated++;
            }
        }
        return duplicated;
    }

    private static List<String> reportIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("<report-" + i + "@researcher.example>");
        }
        return ids;
    }

    /** Delivers one report per id, each from its own reporter, spread at random over {@code over}. */
    private Thread deliverInBackground(List<String> ids, Duration over) {
        long meanGap = over.toMillis() / ids.size();
        AtomicInteger next = new AtomicInteger();
        Thread t = new Thread(() -> {
            Random gaps = new Random(random.nextLong());
            for (String id : ids) {
                int i = next.getAndIncrement();
                server.deliverToSecurity(TestMail.report().from("r" + i + "@researcher.example").messageId(id)
                        .subject("Security issue " + i).build());
                try {
                    Thread.sleep(gaps.nextInt((int) (2 * meanGap) + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "reports-arriving");
        t.start();
        return t;
    }

    private Database openDatabase() {
        return DatabaseFile.in(dir).open();
    }
}
