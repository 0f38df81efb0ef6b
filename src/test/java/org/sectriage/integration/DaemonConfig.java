package org.sectriage.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sectriage.store.Database;
import org.sectriage.testing.DatabaseFile;
import org.sectriage.testing.TestConfig;

/**
 * The config an admin would write for sectriage against the test's Dovecot and Postfix. It polls
 * only every ten minutes, so mail handled within seconds was seen through IDLE; the outbox retries
 * every second or two, so an SMTP outage's end shows at once.
 */
final class DaemonConfig {

    static final String POLL_INTERVAL = "10m";
    /** The product's default. */
    static final String IDLE_REFRESH = "9m";

    private DaemonConfig() {
    }

    /**
     * Writes {@code sectriage.yaml} and the IMAP password file into {@code dir}, IDLE renewed
     * every {@code idleRefresh}; returns the config file.
     */
    static Path write(Path dir, int imapPort, int smtpPort, String idleRefresh) {
        return write(dir, imapPort, smtpPort, idleRefresh, List.of());
    }

    /** As {@link #write(Path, int, int, String)}, with {@code members} as more maintainers (role member). */
    static Path write(Path dir, int imapPort, int smtpPort, String idleRefresh, List<String> members) {
        try {
            Path password = Files.writeString(dir.resolve("imap-password"), TestConfig.PASSWORD);
            return Files.writeString(dir.resolve("sectriage.yaml"), """
                    project:
                      name: Example Project
                      security-address: %1$s
                      tracker-url: https://tracker.project.example/issues
                    mailbox:
                      host: 127.0.0.1
                      port: %2$d
                      security: none
                      username: %1$s
                      password-file: %3$s
                      idle: true
                      poll-interval: %4$s
                      idle-refresh: %9$s
                    smtp:
                      host: 127.0.0.1
                      port: %5$d
                      security: none
                    database:
                      url: jdbc:h2:file:%6$s
                    maintainers:
                      - name: Maria Maintainer
                        email: %7$s
                        role: primary
                      - name: Sam Second
                        email: %8$s
                        role: secondary
                    %10$s
                    outbox:
                      retry-initial: 1s
                      retry-max: 2s
                      drain-interval: 1s
                    """.formatted(TestConfig.SECURITY, imapPort, password.toAbsolutePath(), POLL_INTERVAL, smtpPort,
                    database(dir), TestConfig.PRIMARY, TestConfig.SECONDARY, idleRefresh,
                    String.join("\n", members.stream().map(m -> "  - name: Member\n    email: " + m
                            + "\n    role: member").toList())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the daemon config under " + dir, e);
        }
    }

    /** The H2 file (without its suffix) of a daemon configured in {@code dir}. */
    static Path database(Path dir) {
        return DatabaseFile.in(dir).base();
    }

    /** Opens the database of a daemon configured in {@code dir}, once that daemon has stopped. */
    static Database openDatabase(Path dir) {
        return DatabaseFile.in(dir).open();
    }
}
