package org.sectriage.integration;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sectriage.store.Database;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * Real mail servers for each test: Dovecot (IMAP with IDLE, LMTP) and Postfix (SMTP, delivering
 * to Dovecot by LMTP) on loopback high ports, configured and kept under a fresh temporary
 * directory, stopped and removed afterwards. The security mailbox, the maintainers and a few
 * reporters have accounts, all with the password {@link TestConfig#PASSWORD}. Skipped when the
 * servers are not installed (see {@link MailServerBinaries}); on failure, the servers' logs go to
 * the test's output.
 */
final class RealMailServers implements BeforeEachCallback, AfterEachCallback {

    static final String ALEX = "alex@researcher.example";
    static final String KIM = "kim@researcher.example";
    static final String LEE = "lee@researcher.example";
    static final String NOOR = "noor@researcher.example";
    /** An address in a served domain with no mailbox: Postfix refuses it with 550. */
    static final String NO_SUCH_USER = "ghost@researcher.example";
    static final List<String> USERS = List.of(TestConfig.SECURITY, TestConfig.PRIMARY, TestConfig.SECONDARY,
            ALEX, KIM, LEE, NOOR);

    /** Set to true to keep each test's directory (configs, logs, maildirs, the daemon's database). */
    static final String KEEP_PROPERTY = "sectriage.it.keep";

    private final String imapCapabilities;
    private Path dir;
    private Dovecot dovecot;
    private Postfix postfix;

    /** Dovecot's IMAP server with all its capabilities (MOVE, UIDPLUS, IDLE…). */
    RealMailServers() {
        this(null);
    }

    /** Dovecot's IMAP server announcing only {@code imapCapabilities} after login, as an older server would. */
    RealMailServers(String imapCapabilities) {
        this.imapCapabilities = imapCapabilities;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        MailServerBinaries.assumeUsable();
        dir = Files.createTempDirectory("sectriage-it-");
        // the servers' own accounts (dovecot, mail, postfix) must be able to reach their directories
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dovecot = Dovecot.configure(dir.resolve("dovecot"), USERS, TestConfig.PASSWORD, imapCapabilities);
        postfix = Postfix.configure(dir.resolve("postfix"), USERS, dovecot.lmtpPort());
        dovecot.start();
        postfix.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (dir == null) {
            return; // skipped before anything was started
        }
        try {
            if (postfix != null) {
                postfix.stop();
            }
        } finally {
            if (dovecot != null) {
                dovecot.stop();
            }
        }
        if (context.getExecutionException().isPresent()) {
            System.out.println("==== Dovecot log\n" + (dovecot == null ? "(none)" : dovecot.log())
                    + "\n==== Postfix log\n" + (postfix == null ? "(none)" : postfix.log())
                    + "\n==== sectriage log\n" + ServerProcess.readLog(dir.resolve("daemon/daemon.log")));
        }
        if (Boolean.getBoolean(KEEP_PROPERTY)) {
            System.out.println("kept the servers' directory (" + KEEP_PROPERTY + "): " + dir);
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    Dovecot dovecot() {
        return dovecot;
    }

    Postfix postfix() {
        return postfix;
    }

    /**
     * Starts the packaged daemon as its own process with a config for these servers (see
     * {@link DaemonConfig}), its database and log under the servers' directory.
     */
    DaemonProcess startDaemon() throws IOException {
        return startDaemon(DaemonConfig.IDLE_REFRESH);
    }

    /** As {@link #startDaemon()}, with IDLE renewed every {@code idleRefresh} (a duration such as 2s). */
    DaemonProcess startDaemon(String idleRefresh) throws IOException {
        Path daemonDir = Files.createDirectories(dir.resolve("daemon"));
        return DaemonProcess.start(DaemonConfig.write(daemonDir, dovecot.imapPort(), postfix.smtpPort(), idleRefresh),
                "256m", daemonDir);
    }

    /** As {@link #startDaemon()}, with its config's text changed by {@code edit}. */
    DaemonProcess startDaemonWithConfig(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path daemonDir = Files.createDirectories(dir.resolve("daemon"));
        Path config = DaemonConfig.write(daemonDir, dovecot.imapPort(), postfix.smtpPort(), DaemonConfig.IDLE_REFRESH);
        Files.writeString(config, edit.apply(Files.readString(config)));
        return DaemonProcess.start(config, "256m", daemonDir);
    }

    /** Marks \Deleted the messages with {@code subject} in {@code user}'s INBOX, as another mail client would. */
    int markDeletedInInbox(String user, String subject) {
        return ImapReader.markDeleted(dovecot.imapPort(), user, TestConfig.PASSWORD, "INBOX", subject);
    }

    /** As {@link #startDaemon()}, with {@code members} as more maintainers. */
    DaemonProcess startDaemonWithMembers(List<String> members) throws IOException {
        Path daemonDir = Files.createDirectories(dir.resolve("daemon"));
        return DaemonProcess.start(DaemonConfig.write(daemonDir, dovecot.imapPort(), postfix.smtpPort(),
                DaemonConfig.IDLE_REFRESH, members), "256m", daemonDir);
    }

    /** Opens the database of the daemon started by {@link #startDaemon()}, once it has stopped. */
    Database daemonDatabase() {
        return DaemonConfig.openDatabase(dir.resolve("daemon"));
    }

    /** The JDBC URL of that database, for the command line's {@code --database}. */
    String daemonDatabaseUrl() {
        return org.sectriage.testing.DatabaseFile.in(dir.resolve("daemon")).url();
    }

    /**
     * Sends {@code message} by SMTP through Postfix to its To recipients, from its From address,
     * as a reporter's mail client would.
     */
    void send(MimeMessage message) {
        Properties p = new Properties();
        p.put("mail.smtp.host", ServerProcess.HOST);
        p.put("mail.smtp.port", String.valueOf(postfix.smtpPort()));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.from", envelopeFrom(message));
        try (Transport t = Session.getInstance(p).getTransport("smtp")) {
            t.connect();
            t.sendMessage(message, recipients(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("Postfix did not take the test mail: " + e.getMessage(), e);
        }
    }

    /** Delivers {@code message} by LMTP straight into its To recipients' Dovecot mailboxes, bypassing Postfix. */
    void deliverDirectly(MimeMessage message) {
        byte[] raw = TestMail.bytes(message);
        for (Address to : recipients(message)) {
            LmtpClient.deliver(dovecot.lmtpPort(), envelopeFrom(message), ((InternetAddress) to).getAddress(), raw);
        }
    }

    /** The messages in {@code user}'s INBOX, read by IMAP. */
    List<MimeMessage> inbox(String user) {
        return messages(user, "INBOX");
    }

    /** The messages in {@code folder} of {@code user}'s mailbox, read by IMAP. */
    List<MimeMessage> messages(String user, String folder) {
        return ImapReader.messages(dovecot.imapPort(), user, TestConfig.PASSWORD, folder);
    }

    /** What sectriage sent to {@code user} (mail with an X-Sectriage-Case header), read by IMAP. */
    List<MimeMessage> fromSectriage(String user) {
        return inbox(user).stream().filter(m -> TestMail.header(m, "X-Sectriage-Case") != null).toList();
    }

    /** Acknowledgements ({@code Auto-Submitted: auto-replied}) in {@code user}'s INBOX. */
    List<MimeMessage> acknowledgements(String user) {
        return fromSectriage(user).stream()
                .filter(m -> "auto-replied".equals(TestMail.header(m, "Auto-Submitted"))).toList();
    }

    /**
     * Waits until Dovecot shows {@code daemon}'s session for the security mailbox in IDLE, which is
     * where a daemon with nothing to do should be.
     */
    void awaitIdle(DaemonProcess daemon) {
        await("the daemon's IMAP session in IDLE").atMost(Duration.ofSeconds(60))
                .failFast("the daemon exited", () -> !daemon.isAlive())
                .until(() -> dovecot.isIdling(TestConfig.SECURITY));
    }

    private static String envelopeFrom(MimeMessage message) {
        try {
            return ((InternetAddress) message.getFrom()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Address[] recipients(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
