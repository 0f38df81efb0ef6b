package org.sectriage.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Dovecot instance of its own under a directory: IMAP (with IDLE) and LMTP on loopback high
 * ports, plain authentication against a passwd-file, one maildir per user. Its master runs as the
 * test's user (root); logins, authentication and mail access drop to Dovecot's own accounts and
 * to the {@code mail} account that owns the maildirs.
 */
final class Dovecot {

    /** The system account that owns the mail and that mail processes run as. */
    private static final String MAIL_ACCOUNT = "mail";

    private final Path dir;
    private final Path config;
    private final Path log;
    private final int imapPort;
    private final int lmtpPort;
    private final String imapCapabilities;
    private ServerProcess process;

    private Dovecot(Path dir, int imapPort, int lmtpPort, String imapCapabilities) {
        this.dir = dir;
        this.config = dir.resolve("dovecot.conf");
        this.log = dir.resolve("dovecot.log");
        this.imapPort = imapPort;
        this.lmtpPort = lmtpPort;
        this.imapCapabilities = imapCapabilities;
    }

    /**
     * Writes the configuration of an instance under {@code dir} with these users, all with {@code password},
     * its IMAP server announcing {@code imapCapabilities} after login (Dovecot's {@code imap_capability}),
     * or all it has when null.
     */
    static Dovecot configure(Path dir, Collection<String> users, String password, String imapCapabilities) {
        int[] ports = org.sectriage.testing.FreePorts.onLoopback(2);
        Dovecot d = new Dovecot(dir, ports[0], ports[1], imapCapabilities);
        try {
            Files.createDirectories(dir);
            Path mail = Files.createDirectories(dir.resolve("mail"));
            ownedByMailAccount(mail);
            StringBuilder passwd = new StringBuilder();
            for (String user : users) {
                ownedByMailAccount(Files.createDirectories(dir.resolve("rawlog").resolve(user)));
                passwd.append(user).append(":{PLAIN}").append(password).append("::::::\n");
            }
            Files.writeString(dir.resolve("users"), passwd, StandardCharsets.UTF_8);
            Files.writeString(d.config, d.configText(mail), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Dovecot configuration under " + dir, e);
        }
        return d;
    }

    private String configText(Path mail) {
        return """
                # A test instance: everything under %1$s, nothing of /etc/dovecot.
                instance_name = sectriage-%2$d
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                log_timestamp = "%%Y-%%m-%%d %%H:%%M:%%S "
                protocols = imap lmtp
                listen = %3$s
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                auth_verbose = yes
                # the IMAP processes show their state (such as IDLE) in their process title
                verbose_proctitle = yes
                mail_uid = %4$s
                mail_gid = %4$s
                first_valid_uid = 1
                first_valid_gid = 1
                mail_location = maildir:%5$s/%%d/%%n
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = passwd-file
                  args = username_format=%%u %1$s/users
                  default_fields = home=%5$s/%%d/%%n
                }
                service imap-login {
                  inet_listener imap {
                    address = %3$s
                    port = %6$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service lmtp {
                  inet_listener lmtp {
                    address = %3$s
                    port = %7$d
                  }
                }
                protocol imap {
                  # each IMAP session's traffic after login, in files per user and session
                  rawlog_dir = %1$s/rawlog/%%u
                  %8$s
                }
                protocol lmtp {
                  postmaster_address = postmaster@project.example
                }
                """.formatted(dir.toAbsolutePath(), imapPort, ServerProcess.HOST, MAIL_ACCOUNT, mail.toAbsolutePath(),
                imapPort, lmtpPort, imapCapabilities == null ? "" : "imap_capability = " + imapCapabilities);
    }

    /** The maildir of {@code user} (an address), whose files Dovecot reads each message from. */
    Path maildir(String user) {
        int at = user.indexOf('@');
        return dir.resolve("mail").resolve(user.substring(at + 1)).resolve(user.substring(0, at));
    }

    /** Starts Dovecot in the foreground and returns once both IMAP and LMTP greet. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Dovecot is already running");
        }
        process = ServerProcess.start("dovecot", List.of(MailServerBinaries.DOVECOT.toString(), "-F", "-c",
                config.toString()), dir.resolve("dovecot.out"));
        process.awaitGreeting(imapPort, "* OK");
        process.awaitGreeting(lmtpPort, "220 ");
    }

    /** Stops Dovecot (SIGTERM, which ends every IMAP session) and returns once its ports are closed. */
    void stop() {
        if (process != null) {
            process.stop(imapPort, lmtpPort);
            process = null;
        }
    }

    /**
     * Whether one of Dovecot's IMAP processes for {@code user} is in IDLE right now, as its process
     * title says ({@code verbose_proctitle}): Dovecot's own view of what the client asked for.
     */
    boolean isIdling(String user) {
        ServerProcess p = process;
        if (p == null) {
            return false;
        }
        return p.handle().descendants().map(h -> processTitle(h.pid()))
                .anyMatch(title -> title.contains("imap [" + user + " ") && title.contains(" IDLE]"));
    }

    private static String processTitle(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Every command {@code user}'s IMAP clients sent after logging in, in order within each
     * session, as Dovecot's rawlog recorded them (without the rawlog's timestamps).
     */
    List<String> clientCommands(String user) {
        try (Stream<Path> files = Files.list(dir.resolve("rawlog").resolve(user))) {
            List<String> commands = new ArrayList<>();
            for (Path in : files.filter(f -> f.toString().endsWith(".in")).sorted().toList()) {
                Files.readAllLines(in, StandardCharsets.ISO_8859_1).stream()
                        .map(line -> line.replaceFirst("^[0-9.]+ ", "")).forEach(commands::add);
            }
            return commands;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Dovecot's rawlog of " + user, e);
        }
    }

    int imapPort() {
        return imapPort;
    }

    int lmtpPort() {
        return lmtpPort;
    }

    /** Dovecot's log, for assertion messages and for the report of a failed test. */
    String log() {
        return ServerProcess.readLog(log);
    }

    private static void ownedByMailAccount(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(MAIL_ACCOUNT));
        GroupPrincipal group = users.lookupPrincipalByGroupName(MAIL_ACCOUNT);
        view.setGroup(group);
    }
}
