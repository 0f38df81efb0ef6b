package org.sectriage.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.sectriage.Daemon;
import org.sectriage.config.ConfigLoader;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.store.JdbcCaseStore;

/**
 * The demo: an embedded GreenMail IMAP+SMTP server on loopback, a temporary H2 database, and the
 * real daemon, fed a handful of varied reports; then a table of what happened.
 */
public final class Demo implements AutoCloseable {

    static final String SECURITY = "security@demo.example";
    static final String PASSWORD = "demo-password";
    static final String MAINTAINER = "maria@demo.example";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final java.time.format.DateTimeFormatter EVENT_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

    private final PrintStream out;
    private final Path dir;
    private final GreenMail mail;
    private Daemon daemon;
    private boolean closed;

    public Demo(PrintStream out) throws IOException {
        this.out = out;
        this.dir = Files.createTempDirectory("sectriage-demo-");
        this.mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
    }

    /** Runs the demo; with {@code keepRunning}, stays up afterwards until the process is stopped. */
    public int run(boolean keepRunning) throws Exception {
        mail.start();
        mail.setUser(SECURITY, SECURITY, PASSWORD);
        int smtp = mail.getSmtp().getPort();
        int imap = mail.getImap().getPort();
        out.println("Embedded mail server: SMTP 127.0.0.1:" + smtp + ", IMAP 127.0.0.1:" + imap);
        org.bouncycastle.openpgp.PGPPublicKeyRing securityKey = writeSecurityKey();
        Path config = writeConfig(smtp, imap);
        SectriageConfig cfg = ConfigLoader.load(config);
        daemon = Daemon.create(cfg, Clock.systemUTC());
        daemon.start();
        out.println("sectriage is watching " + SECURITY + "; database " + cfg.database().url());
        out.println();

        DemoMail send = new DemoMail("127.0.0.1", smtp, SECURITY);
        Map<String, String> labels = new LinkedHashMap<>();
        String alex = "alex@researcher.example";
        String jurgen = "juergen@sicherheit.example";
        labels.put(send.plainReport(alex, "Alex Example"), "report, plain text with steps");
        labels.put(send.iso88591Report(jurgen, "Jürgen Müller"), "report, German, ISO-8859-1");
        labels.put(send.encryptedReport("kim@privacy.example", "Kim Private", securityKey),
                "report, OpenPGP/MIME encrypted");
        labels.put(send.featureRequest("pat@user.example", "Pat User"), "feature request (not security)");
        daemon.checkMailboxNow();
        MimeMessage ackAlex = awaitAcknowledgement(alex);
        MimeMessage ackJurgen = awaitAcknowledgement(jurgen);

        labels.put(send.followUp(alex, "Alex Example", ackAlex.getSubject(), ackAlex.getMessageID()),
                "follow-up, reply to the acknowledgement");
        labels.put(send.outOfOffice(jurgen, "Jürgen Müller", ackJurgen.getSubject(), ackJurgen.getMessageID()),
                "out-of-office auto-reply");
        String tag = ackAlex.getSubject().replaceAll("^.*?(\\[SEC-\\d{4}-\\d+]).*$", "$1");
        labels.put(send.forgedCaseTag("mallory@elsewhere.example", "Mallory", tag),
                "stranger using " + tag + " in the subject");
        MimeMessage note = awaitMaintainerNotification(tag);
        labels.put(send.maintainerReply(MAINTAINER, "Maria Maintainer", note.getSubject(), note.getMessageID(),
                tag.substring(1, tag.length() - 1), "#confirm\n#severity high\n\nThanks Alex, we can reproduce it"
                        + " and are working on a fix."), "maintainer reply: #confirm, relayed");
        daemon.checkMailboxNow();
        await("all messages processed and answered", () -> processed() == labels.size() && outboxEmpty());

        printTable(labels);
        if (keepRunning) {
            out.println();
            out.println("Still running. Send more mail to " + SECURITY + " through SMTP 127.0.0.1:" + smtp
                    + " (no authentication), e.g.:");
            out.println("  curl --url smtp://127.0.0.1:" + smtp + " --mail-from you@example.org --mail-rcpt " + SECURITY
                    + " --upload-file report.eml");
            out.println("Read any mailbox over IMAP 127.0.0.1:" + imap + " (user = address, any new user's password"
                    + " = its address); " + SECURITY + " has password " + PASSWORD + ".");
            out.println("The database (" + daemon.database().url() + ") is locked while the demo runs and deleted"
                    + " when it stops. Press Ctrl-C to stop.");
            Thread.currentThread().join();
        }
        return 0;
    }

    private Path writeConfig(int smtp, int imap) throws IOException {
        Path password = dir.resolve("imap-password");
        Files.writeString(password, PASSWORD);
        Path config = dir.resolve("sectriage.yaml");
        Files.writeString(config, """
                project:
                  name: Demo Project
                  security-address: %s
                  tracker-url: https://tracker.demo.example/issues
                mailbox:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  username: %s
                  password-file: %s
                  poll-interval: 1s
                  idle-refresh: 20s
                  read-timeout: 30s
                smtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                database:
                  url: jdbc:h2:file:%s
                maintainers:
                  - name: Maria Maintainer
                    email: %s
                    role: primary
                  - name: Sam Second
                    email: sam@demo.example
                    role: secondary
                policy:
                  acknowledge-within: 48h
                  first-response-within: 3d
                  escalate-after-silence: 5d
                openpgp:
                  secret-keys:
                    - key-file: %s
                      passphrase-file: %s
                maintainer-authentication:
                  trusted-authserv-ids: [mx.demo.example]
                outbox:
                  retry-initial: 1s
                  retry-max: 10s
                  drain-interval: 2s
                """.formatted(SECURITY, imap, SECURITY, password.toAbsolutePath(), smtp,
                dir.resolve("sectriage").toAbsolutePath(), MAINTAINER,
                dir.resolve("security-key.asc").toAbsolutePath(),
                dir.resolve("security-key-passphrase").toAbsolutePath()));
        return config;
    }

    /** Makes the project's security key pair and writes the secret key and its passphrase where the config names them. */
    private org.bouncycastle.openpgp.PGPPublicKeyRing writeSecurityKey() throws Exception {
        char[] passphrase = "demo passphrase".toCharArray();
        org.bouncycastle.openpgp.PGPSecretKeyRing ring = new org.sectriage.crypto.SecurityKeyGenerator(
                new java.security.SecureRandom()).generate("Demo Project Security <" + SECURITY + ">",
                org.sectriage.crypto.KeyAlgorithm.CURVE25519, passphrase, new java.util.Date());
        org.sectriage.crypto.KeyFiles.writeSecretKeyRing(dir.resolve("security-key.asc"), ring);
        Files.writeString(dir.resolve("security-key-passphrase"), new String(passphrase));
        return org.sectriage.crypto.KeyFiles.publicPart(ring);
    }

    private MimeMessage awaitMaintainerNotification(String tag) {
        MimeMessage[] found = {null};
        await("the maintainers' notification of " + tag, () -> {
            found[0] = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getHeader("X-Sectriage-Case") != null && m.getSubject().startsWith(tag)
                            && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(MAINTAINER));
                } catch (MessagingException e) {
                    return false;
                }
            }).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private MimeMessage awaitAcknowledgement(String reporter) throws MessagingException {
        MimeMessage[] found = {null};
        await("the acknowledgement to " + reporter, () -> {
            found[0] = Arrays.stream(mail.getReceivedMessages()).filter(m -> isAcknowledgementTo(m, reporter))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static boolean isAcknowledgementTo(MimeMessage m, String reporter) {
        try {
            return m.getHeader("X-Sectriage-Case") != null && m.getAllRecipients() != null
                    && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(reporter))
                    && m.getHeader("Auto-Submitted", null).startsWith("auto-replied");
        } catch (MessagingException e) {
            return false;
        }
    }

    private void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo waited " + WAIT.toSeconds() + "s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private int processed() {
        return query("SELECT COUNT(*) FROM inbound_message WHERE status <> 'stored'");
    }

    private boolean outboxEmpty() {
        return query("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0;
    }

    private int query(String sql) {
        return daemon.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private void printTable(Map<String, String> labels) {
        List<String[]> rows = daemon.database().inTransaction(c -> rows(c, labels));
        String format = "%-46s %-28s %-12s %-15s %-13s %s%n";
        out.printf(format, "MESSAGE", "FROM", "KIND", "CASE", "CASE STATE", "ACKNOWLEDGED");
        for (String[] r : rows) {
            out.printf(format, (Object[]) r);
        }
        long maintainerMail = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getHeader("X-Sectriage-Case") != null && m.getAllRecipients() != null
                        && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(MAINTAINER));
            } catch (MessagingException e) {
                return false;
            }
        }).map(Demo::messageId).distinct().count();
        out.println();
        out.println("Maintainers received " + maintainerMail + " mail(s), threaded per case.");
        printEncrypted();
        printRelay();
        List<org.sectriage.domain.SecurityCase> cases = daemon.database().inTransaction(c -> new JdbcCaseStore(c).list());
        CaseId first = cases.get(cases.size() - 1).id();
        List<CaseEvent> events = daemon.database().inTransaction(c -> new JdbcCaseStore(c).events(first));
        out.println();
        out.println("Event log of " + first + " (sectriage cases show " + first + " prints it with the thread):");
        for (CaseEvent e : events) {
            out.printf("  %s  %-30s %s%n", EVENT_TIME.format(e.at()), e.type(),
                    e.detail() == null ? "" : e.detail());
        }
    }

    /** What became of the encrypted report, and that none of its text went out in plaintext. */
    private void printEncrypted() {
        List<String[]> found = daemon.database().inTransaction(c -> {
            List<String[]> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, COALESCE(vuln_class, '?'), COALESCE(cwes, '')"
                    + " FROM security_case WHERE encrypted"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return out;
        });
        long leaks = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> rawText(m).contains("/api/files") && rawText(m).contains("X-Sectriage-Case")).count();
        for (String[] c : found) {
            out.println();
            out.println(c[0] + " arrived OpenPGP-encrypted: sectriage decrypted it with the demo's security key and"
                    + " classified it " + c[1] + (c[2].isEmpty() ? "" : " (CWE-" + c[2] + ")") + ".");
            out.println("  Mail sectriage sent that holds its text in plaintext: " + leaks + " (its acknowledgement says"
                    + " nothing of the content; the maintainers have no keys here, so they got a notice without it).");
        }
    }

    /** The maintainer's reply, as the reporter received it: from the security address, without quotes or commands. */
    private void printRelay() {
        Arrays.stream(mail.getReceivedMessages())
                .filter(m -> rawText(m).contains("we can reproduce it") && recipients(m).contains("alex@researcher.example"))
                .findFirst().ifPresent(m -> {
                    out.println();
                    out.println("Alex received Maria's reply from " + SECURITY + ", signed with the project's key (her"
                            + " address withheld, her #confirm applied, the quote removed):");
                    try {
                        Object content = m.getContent();
                        if (content instanceof jakarta.mail.Multipart signed) {
                            // signed with the project's key: the text is the first part
                            content = signed.getBodyPart(0).getContent();
                        }
                        String body = String.valueOf(content).strip();
                        body.lines().takeWhile(l -> !l.equals("-- ")).filter(l -> !l.isBlank())
                                .forEach(l -> out.println("  | " + l));
                    } catch (MessagingException | IOException e) {
                        out.println("  (unreadable: " + e.getMessage() + ")");
                    }
                });
    }

    private static String rawText(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            m.writeTo(bytes);
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            return "";
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return m.getAllRecipients() == null ? "" : Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static List<String[]> rows(Connection c, Map<String, String> labels) throws SQLException {
        List<String[]> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT i.message_id, i.sender, i.kind, i.case_id, s.state, i.status,"
                        + " (SELECT MAX(o.status) FROM outbox o WHERE o.case_id = i.case_id AND o.purpose = 'acknowledgement')"
                        + " FROM inbound_message i LEFT JOIN security_case s ON s.id = i.case_id ORDER BY i.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String kind = rs.getString(3);
                boolean opened = "report".equals(kind);
                String ack = rs.getString(7);
                String acknowledged = !opened ? "no (" + kind + ")" : "sent".equals(ack) ? "yes" : ack == null ? "no" : ack;
                rows.add(new String[] {
                    labels.getOrDefault(rs.getString(1), "(other mail)"),
                    rs.getString(2),
                    kind,
                    rs.getString(4) == null ? "-" : rs.getString(4),
                    rs.getString(5) == null ? rs.getString(6) : rs.getString(5),
                    acknowledged});
            }
        }
        return rows;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (daemon != null) {
            daemon.close();
        }
        mail.stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
