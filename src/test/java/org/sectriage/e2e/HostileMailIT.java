package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sectriage.cli.CliRun;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DatabaseFile;
import org.sectriage.testing.RunningDaemon;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * Hostile and broken mail, one message at a time through one running daemon: each is stored and
 * visible ({@code inbox list}, {@code cases show}), becomes a case or an ignored record with its
 * problems noted, gets no answer if a machine wrote it, never crashes the daemon or comes round again,
 * and the daemon takes the next report as usual. The fixtures are in {@code mail/hostile/}; the
 * huge ones are made at test time ({@link HostileMail}). Remote content in HTML is never fetched: it
 * points at a listener on loopback that counts every connection.
 */
class HostileMailIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> ANSWERS = List.of("acknowledgement", "tracker-answer");

    @TempDir
    static Path dir;

    private static RunningDaemon daemon;
    private static CaseDatabase db;
    private static String firstCase;
    private static ConnectionTrap trap;
    private static final List<Long> seen = new ArrayList<>();
    private static final AtomicInteger canaries = new AtomicInteger();

    /** What should become of a hostile message. */
    enum Outcome {
        /** A report in a new case, answered once (acknowledged, or pointed to the tracker). */
        ANSWERED_CASE,
        /** A new case, but no answer: there is no sender to answer. */
        UNANSWERED_CASE,
        /** Written by a machine: recorded, never answered. */
        ROBOT,
        /** Claims a maintainer's address: recorded with the case it names, which it does not change. */
        NAMES_A_CASE_CHANGES_NOTHING
    }

    record Hostile(String name, Supplier<byte[]> raw, Outcome outcome, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileMail() {
        return Stream.of(
                generated("deep-mime-nesting-1000-levels", n -> HostileMail.deepMimeNesting(n, 1000),
                        Outcome.ANSWERED_CASE, "nesting deeper than"),
                generated("fifty-thousand-header-fields", n -> HostileMail.manyHeaderFields(n, 50_000),
                        Outcome.ANSWERED_CASE, "header fields"),
                generated("hundred-megabyte-base64-part", n -> HostileMail.largeBase64Part(n, 100 * 1024 * 1024 / 4 * 3),
                        Outcome.ANSWERED_CASE, "limit: body not parsed"),
                generated("header-line-of-200000-characters", n -> HostileMail.longHeaderLine(n, 200_000),
                        Outcome.ANSWERED_CASE, "longer than"),
                generated("subject-of-a-thousand-encoded-words", n -> HostileMail.manyEncodedWords(n, 1000),
                        Outcome.ANSWERED_CASE, null),
                generated("two-thousand-attachments", n -> HostileMail.manyAttachments(n, 2000),
                        Outcome.ANSWERED_CASE, "attachments"),
                generated("forward-nested-300-message-rfc822-deep", n -> HostileMail.nestedForwards(n, 300),
                        Outcome.ANSWERED_CASE, null),
                generated("one-megabyte-of-text", HostileMail::megabyteOfText, Outcome.ANSWERED_CASE, null),
                generated("openpgp-inline-compression-bomb-256-megabytes",
                        n -> HostileMail.inlineCompressionBomb(n, 256 * 1024 * 1024), Outcome.ANSWERED_CASE, null),
                generated("openpgp-mime-compression-bomb-256-megabytes",
                        n -> HostileMail.pgpMimeCompressionBomb(n, 256 * 1024 * 1024), Outcome.ANSWERED_CASE, null),
                generated("openpgp-encrypted-without-integrity-protection",
                        HostileMail::encryptedWithoutIntegrityProtection, Outcome.ANSWERED_CASE, null),
                file("missing-multipart-boundary", Outcome.ANSWERED_CASE, "without its boundary"),
                file("multipart-boundary-never-closed", Outcome.ANSWERED_CASE, null),
                file("multipart-boundary-absent-from-body", Outcome.ANSWERED_CASE, null),
                file("multipart-with-only-preamble-and-epilogue", Outcome.ANSWERED_CASE, null),
                file("body-with-no-blank-line-after-header", Outcome.ANSWERED_CASE, null),
                file("header-line-without-colon-before-body", Outcome.ANSWERED_CASE, null),
                file("nul-bytes-in-subject-and-body", Outcome.ANSWERED_CASE, null),
                file("mixed-bare-cr-bare-lf-and-crlf-line-endings", Outcome.ANSWERED_CASE, null),
                file("eight-bit-utf8-header-bytes-undeclared", Outcome.ANSWERED_CASE, null),
                file("declared-utf8-but-latin1-bytes", Outcome.ANSWERED_CASE, "invalid UTF-8"),
                file("unknown-charset-x-klingon", Outcome.ANSWERED_CASE, "unknown charset"),
                file("charset-utf-7-body", Outcome.ANSWERED_CASE, "unknown charset"),
                file("base64-body-with-garbage-characters", Outcome.ANSWERED_CASE, null),
                file("quoted-printable-with-broken-escapes", Outcome.ANSWERED_CASE, null),
                file("unknown-transfer-encoding-x-gzip", Outcome.ANSWERED_CASE, "unknown transfer encoding"),
                file("encoded-word-subject-with-crlf-and-bcc-injection", Outcome.ANSWERED_CASE, null),
                file("subject-with-bare-cr-before-bcc", Outcome.ANSWERED_CASE, null),
                file("encoded-word-unknown-charset", Outcome.ANSWERED_CASE, null),
                file("encoded-word-malformed-and-unterminated", Outcome.ANSWERED_CASE, null),
                file("encoded-word-display-name-impersonating-security", Outcome.ANSWERED_CASE, null),
                file("bidi-override-and-zero-width-in-subject", Outcome.ANSWERED_CASE, null),
                file("html-only-with-remote-images-and-scripts", Outcome.ANSWERED_CASE, null),
                file("html-only-with-meta-refresh-iframe-and-css-import", Outcome.ANSWERED_CASE, null),
                file("attachment-name-with-parent-directories", Outcome.ANSWERED_CASE, "attachment name in part 2 changed"),
                file("attachment-name-with-control-characters-and-rtl-override", Outcome.ANSWERED_CASE, "attachment name in part 2 changed"),
                file("attachment-name-rfc2231-encoded-traversal", Outcome.ANSWERED_CASE, "attachment name in part 2 changed"),
                file("attachment-name-encoded-word-with-newline", Outcome.ANSWERED_CASE, "attachment name in part 2 changed"),
                file("openpgp-mime-without-encrypted-part", Outcome.ANSWERED_CASE, null),
                file("openpgp-inline-armor-with-bad-checksum", Outcome.ANSWERED_CASE, null),
                file("mail-loop-our-own-x-loop", Outcome.ROBOT, null),
                file("mail-loop-our-acknowledgement-bounced", Outcome.ROBOT, null),
                file("auto-reply-with-forged-case-tag", Outcome.ROBOT, null),
                file("precedence-bulk-list-mail", Outcome.ROBOT, null),
                file("vacation-reply-with-autoreply-header", Outcome.ROBOT, null),
                file("forged-case-tag-from-stranger", Outcome.ANSWERED_CASE, null),
                file("forged-maintainer-from-without-authentication", Outcome.NAMES_A_CASE_CHANGES_NOTHING, null),
                file("forged-maintainer-from-with-untrusted-authentication-results",
                        Outcome.NAMES_A_CASE_CHANGES_NOTHING, null),
                file("from-header-missing", Outcome.UNANSWERED_CASE, "missing From"),
                file("from-with-group-syntax-and-many-addresses", Outcome.ANSWERED_CASE, null),
                file("message-id-missing", Outcome.ANSWERED_CASE, "missing Message-ID"),
                file("message-id-and-references-malformed", Outcome.ANSWERED_CASE, null),
                file("date-in-year-99999-and-bad-zone", Outcome.ANSWERED_CASE, null));
    }

    private static Hostile file(String name, Outcome outcome, String problem) {
        return new Hostile(name, () -> {
            try (InputStream in = HostileMailIT.class.getResourceAsStream("/mail/hostile/" + name + ".eml")) {
                if (in == null) {
                    throw new IllegalStateException("no fixture mail/hostile/" + name + ".eml");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, outcome, problem);
    }

    private static Hostile generated(String name, java.util.function.Function<String, byte[]> make, Outcome outcome,
                                     String problem) {
        return new Hostile(name, () -> make.apply(name), outcome, problem);
    }

    @BeforeAll
    static void startDaemon() throws IOException {
        trap = ConnectionTrap.open();
        daemon = RunningDaemon.start(GREENMAIL, dir, 5, 10_000);
        db = daemon.db();
        // the case that forged tags and loops name
        firstCase = canary();
    }

    @AfterAll
    static void everyMessageIsListedByTheCommandLine() {
        daemon.close();
        String url = DatabaseFile.in(dir).url();
        String inbox = cli("inbox", "list", "--database", url);
        for (long id : seen) {
            assertThat(inbox).as("inbox list shows message %d", id).containsPattern("(?m)^" + id + " ");
        }
        for (String caseId : new CaseDatabaseAfterStop(url).caseIds()) {
            assertThat(cli("cases", "show", caseId, "--database", url)).as("cases show %s", caseId).contains(caseId);
        }
        assertThat(trap.connections()).as("connections to the addresses of remote content").isZero();
        trap.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileMail")
    void isStoredAndRecordedAndNeverAnsweredUnsafely(Hostile hostile) {
        byte[] raw = hostile.raw().get();
        if (raw.length < 1024 * 1024) {
            raw = new String(raw, StandardCharsets.ISO_8859_1).replace("@@CASE@@", firstCase)
                    .replace("@@TRACKER@@", "127.0.0.1:" + trap.port()).getBytes(StandardCharsets.ISO_8859_1);
        }
        String taggedStateBefore = caseState(firstCase);
        long id = deliverAndAwait(raw);
        Map<String, Object> row = row(id);
        String what = hostile.name() + " (inbound message " + id + ": " + row + ")";

        assertThat(row.get("ATTEMPTS")).as("pipeline runs on %s", what).isEqualTo(1);
        assertThat(row.get("STATUS")).as("status of %s", what).isNotEqualTo("quarantined");
        String caseId = (String) row.get("CASE_ID");
        String problems = row.get("PROBLEMS") == null ? "" : (String) row.get("PROBLEMS");
        System.out.printf("HOSTILE %s: %s as %s in %s, %d answer(s); problems: %s%n", hostile.name(), row.get("STATUS"),
                row.get("KIND"), caseId == null ? "no case" : caseId, caseId == null ? 0 : answers(caseId),
                problems.isEmpty() ? "none" : problems);
        if (hostile.problem() != null) {
            assertThat(problems).as("problems of %s", what).containsIgnoringCase(hostile.problem());
        }
        switch (hostile.outcome()) {
            case ANSWERED_CASE -> {
                assertThat(row.get("STATUS")).as("status of %s", what).isEqualTo("processed");
                assertThat(caseId).as("case of %s", what).isNotEqualTo(firstCase);
                assertThat(answers(caseId)).as("automatic answers to the sender of %s", what).isOne();
                assertAnswerInjectsNoHeader(caseId);
            }
            case UNANSWERED_CASE -> {
                assertThat(row.get("STATUS")).as("status of %s", what).isEqualTo("processed");
                assertThat(answers(caseId)).as("automatic answers for %s", what).isZero();
            }
            case ROBOT -> {
                assertThat(row.get("KIND")).as("kind of %s", what).isIn("auto-reply", "bounce", "loop");
                assertThat(db.count("SELECT COUNT(*) FROM outbox WHERE LOWER(recipients) LIKE ?",
                        "%" + row.get("SENDER") + "%")).as("mail to the robot").isZero();
            }
            case NAMES_A_CASE_CHANGES_NOTHING -> {
                assertThat(caseState(firstCase)).isEqualTo(taggedStateBefore);
                assertThat(db.count("SELECT COUNT(*) FROM outbox WHERE purpose IN ('acknowledgement', 'tracker-answer')"
                        + " AND LOWER(recipients) LIKE '%project.example%'")).as("answers to a maintainer").isZero();
            }
        }
        assertThat(trap.connections()).as("connections to the addresses of remote content").isZero();
        canary();
    }

    /** The automatic answer, as composed, has one Subject line and no header the sender slipped in. */
    private static void assertAnswerInjectsNoHeader(String caseId) {
        List<String> raws = db.strings("SELECT UTF8TOSTRING(raw) FROM outbox WHERE case_id = ? AND purpose IN"
                + " ('acknowledgement', 'tracker-answer')", caseId);
        for (String mail : raws) {
            String head = mail.substring(0, mail.indexOf("\r\n\r\n"));
            assertThat(head.lines().filter(l -> l.regionMatches(true, 0, "Bcc:", 0, 4))).as("Bcc lines in %s", head)
                    .isEmpty();
            assertThat(head.lines().filter(l -> l.startsWith("Subject:"))).hasSize(1);
            assertThat(head).doesNotContain("\u0000").doesNotContain("\r\r");
        }
    }

    /** Delivers a plain report and waits for its case and acknowledgement: the daemon still takes mail. */
    private static String canary() {
        int n = canaries.incrementAndGet();
        long id = deliverAndAwait(TestMail.bytes(TestMail.report().from("canary" + n + "@researcher.example")
                .subject("Canary report " + n).build()));
        String caseId = (String) row(id).get("CASE_ID");
        assertThat(caseId).as("canary %d opened a case", n).isNotNull();
        assertThat(answers(caseId)).as("canary %d acknowledged", n).isOne();
        return caseId;
    }

    private static long deliverAndAwait(byte[] raw) {
        long before = db.count("SELECT COALESCE(MAX(id), 0) FROM inbound_message");
        try {
            GREENMAIL.getUserManager().getUserByEmail(TestConfig.SECURITY)
                    .deliver(new MimeMessage(null, new SharedByteArrayInputStream(raw)));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("GreenMail cannot take the message: " + e.getMessage(), e);
        }
        daemon.daemon().checkMailboxNow();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> db.count(
                "SELECT COUNT(*) FROM inbound_message WHERE id > ? AND status <> 'stored'", before) == 1);
        long id = db.count("SELECT MIN(id) FROM inbound_message WHERE id > ?", before);
        seen.add(id);
        return id;
    }

    private static Map<String, Object> row(long id) {
        return daemon.daemon().database().inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT status, status_detail, case_id, kind, sender, problems, attempts"
                    + " FROM inbound_message WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    return row;
                }
            }
        });
    }

    private static int answers(String caseId) {
        return db.count("SELECT COUNT(*) FROM outbox WHERE case_id = ? AND purpose IN ('acknowledgement', 'tracker-answer')",
                caseId);
    }

    private static String caseState(String caseId) {
        return db.strings("SELECT state FROM security_case WHERE id = ?", caseId).get(0);
    }

    private static String cli(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("exit code of sectriage %s, which printed on standard error:%n%s",
                String.join(" ", args), run.err()).isZero();
        return run.out();
    }

    /** The case ids of a stopped daemon's database. */
    private record CaseDatabaseAfterStop(String url) {
        List<String> caseIds() {
            try (var database = org.sectriage.store.Database.openToRead(url, "sectriage", null)) {
                return new CaseDatabase(database).strings("SELECT id FROM security_case ORDER BY id");
            }
        }
    }

    /** A listener on loopback that counts the connections made to it, and answers none. */
    private static final class ConnectionTrap implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        private ConnectionTrap(ServerSocket socket) {
            this.socket = socket;
        }

        static ConnectionTrap open() throws IOException {
            ConnectionTrap trap = new ConnectionTrap(new ServerSocket(0));
            Thread t = new Thread(() -> {
                while (!trap.socket.isClosed()) {
                    try (Socket s = trap.socket.accept()) {
                        trap.connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "remote-content-trap");
            t.setDaemon(true);
            t.start();
            return trap;
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
