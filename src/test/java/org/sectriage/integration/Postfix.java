package org.sectriage.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A Postfix instance of its own under a directory ({@code master -c}): SMTP on a loopback high
 * port, every domain of the test users delivered to Dovecot by LMTP, nothing relayed elsewhere.
 * Its master must run as root; every daemon it starts runs as the {@code postfix} account. Queue
 * retries are quick, so mail deferred while Dovecot is away arrives soon after it is back.
 */
final class Postfix {

    /** The access table of recipients answered 450, under the configuration directory. */
    private static final String DEFERRED = "deferred";

    private final Path dir;
    private final Path config;
    private final Path queue;
    private final Path log;
    private final int smtpPort;
    private ServerProcess process;

    private Postfix(Path dir, int smtpPort) {
        this.dir = dir;
        this.config = dir.resolve("conf");
        this.queue = dir.resolve("queue");
        this.log = dir.resolve("postfix.log");
        this.smtpPort = smtpPort;
    }

    /** Writes an instance under {@code dir} that accepts mail for {@code users} and hands it to LMTP at {@code lmtpPort}. */
    static Postfix configure(Path dir, Collection<String> users, int lmtpPort) {
        Postfix p = new Postfix(dir, org.sectriage.testing.FreePorts.onLoopback(1)[0]);
        try {
            Files.createDirectories(p.config);
            Files.createDirectories(p.queue);
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.setOwner(data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix"));
            Files.writeString(p.config.resolve("mailboxes"), String.join(" ok\n", users) + " ok\n",
                    StandardCharsets.UTF_8);
            Files.writeString(p.config.resolve(DEFERRED), "", StandardCharsets.UTF_8);
            Files.writeString(p.config.resolve("main.cf"), p.mainCf(domains(users), lmtpPort), StandardCharsets.UTF_8);
            Files.writeString(p.config.resolve("master.cf"), p.masterCf(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Postfix configuration under " + dir, e);
        }
        return p;
    }

    private static String domains(Collection<String> users) {
        return String.join(", ", new TreeSet<>(users.stream().map(u -> u.substring(u.indexOf('@') + 1)).toList()));
    }

    private String mainCf(String domains, int lmtpPort) {
        return """
                # A test instance: everything under %1$s, nothing of /etc/postfix.
                compatibility_level = 3.6
                queue_directory = %1$s/queue
                data_directory = %1$s/data
                mail_owner = postfix
                setgid_group = postdrop
                # master's output, where postlogd writes the mail log
                maillog_file = /dev/stdout
                myhostname = mx.project.example
                mydomain = project.example
                myorigin = $mydomain
                mydestination =
                inet_interfaces = %2$s
                inet_protocols = ipv4
                mynetworks = 127.0.0.0/8
                smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
                # recipients answered 450 at RCPT, as greylisting or a full mailbox would (see deferRecipients)
                smtpd_recipient_restrictions = check_recipient_access texthash:%1$s/conf/deferred, permit
                # every domain is a virtual mailbox domain, delivered to Dovecot by LMTP
                virtual_mailbox_domains = %3$s
                virtual_mailbox_maps = texthash:%1$s/conf/mailboxes
                virtual_transport = lmtp:inet:%2$s:%4$d
                # nothing leaves this machine
                default_transport = error:this test server delivers only to its own domains
                relay_transport = error:this test server delivers only to its own domains
                alias_maps =
                alias_database =
                local_recipient_maps =
                biff = no
                # deferred mail is tried again within seconds, not minutes
                queue_run_delay = 1s
                minimal_backoff_time = 1s
                maximal_backoff_time = 2s
                lmtp_connect_timeout = 5s
                """.formatted(dir.toAbsolutePath(), ServerProcess.HOST, domains, lmtpPort);
    }

    private String masterCf() {
        return """
                # service  type  private unpriv chroot wakeup maxproc command
                %s:%d      inet  n       -      n      -      -       smtpd
                pickup     unix  n       -      n      60     1       pickup
                cleanup    unix  n       -      n      -      0       cleanup
                qmgr       unix  n       -      n      300    1       qmgr
                rewrite    unix  -       -      n      -      -       trivial-rewrite
                bounce     unix  -       -      n      -      0       bounce
                defer      unix  -       -      n      -      0       bounce
                trace      unix  -       -      n      -      0       bounce
                verify     unix  -       -      n      -      1       verify
                flush      unix  n       -      n      1000?  0       flush
                proxymap   unix  -       -      n      -      -       proxymap
                smtp       unix  -       -      n      -      -       smtp
                relay      unix  -       -      n      -      -       smtp
                showq      unix  n       -      n      -      -       showq
                error      unix  -       -      n      -      -       error
                retry      unix  -       -      n      -      -       error
                discard    unix  -       -      n      -      -       discard
                lmtp       unix  -       -      n      -      -       lmtp
                anvil      unix  -       -      n      -      1       anvil
                scache     unix  -       -      n      -      1       scache
                postlog    unix-dgram n  -      n      -      1       postlogd
                """.formatted(ServerProcess.HOST, smtpPort);
    }

    /**
     * Checks the instance ({@code postfix check}, which also makes the queue directories), starts
     * its master in the foreground, and returns once SMTP greets.
     */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Postfix is already running");
        }
        ServerProcess.runToEnd("postfix check", List.of(MailServerBinaries.POSTFIX.toString(), "-c",
                config.toString(), "check"), dir.resolve("postfix-check.log"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(MailServerBinaries.SETSID)) {
            // master signals its whole process group when it stops; give it a group of its own
            command.add(MailServerBinaries.SETSID.toString());
        }
        command.addAll(List.of(MailServerBinaries.POSTFIX_MASTER.toString(), "-c", config.toString(), "-d"));
        process = ServerProcess.start("postfix", command, log);
        process.awaitGreeting(smtpPort, "220 ");
    }

    /**
     * Makes Postfix answer {@code 450} at RCPT for {@code recipients} from its next start on, and take mail for
     * everyone else; none, to take mail for everyone again.
     */
    void deferRecipients(Collection<String> recipients) {
        StringBuilder table = new StringBuilder();
        for (String r : recipients) {
            table.append(r).append(" 450 4.2.0 try again later\n");
        }
        try {
            Files.writeString(config.resolve(DEFERRED), table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config.resolve(DEFERRED), e);
        }
    }

    /** Stops Postfix (SIGTERM to its master) and returns once SMTP is closed; queued mail stays queued. */
    void stop() {
        if (process != null) {
            process.stop(masterProcess(), smtpPort);
            process = null;
        }
    }

    /**
     * The master process, by the pid it recorded, if that is the process started here or one of
     * its children (setsid runs it as a child when it cannot make it a group leader itself).
     */
    private ProcessHandle masterProcess() {
        ProcessHandle started = process.handle();
        try {
            long pid = Long.parseLong(Files.readString(queue.resolve("pid/master.pid")).strip());
            return ProcessHandle.of(pid)
                    .filter(h -> h.equals(started) || started.descendants().anyMatch(h::equals))
                    .orElse(started);
        } catch (IOException | NumberFormatException e) {
            return started;
        }
    }

    int smtpPort() {
        return smtpPort;
    }

    /** The mail log, for assertion messages and for the report of a failed test. */
    String log() {
        return ServerProcess.readLog(log);
    }
}
