package org.sectriage.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.store.Database;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * The processed folder on Dovecot, whose hierarchy separator with maildir is '.': a '/' in
 * {@code mailbox.processed-folder} is written as '.', and a name Dovecot refuses to create stops no
 * mail from being taken in.
 */
class ProcessedFolderOnDovecotIT {

    /** Longer than the 255 characters Dovecot allows a folder name's part. */
    private static final String TOO_LONG_A_NAME = "sectriage-processed-" + "x".repeat(300);

    @RegisterExtension
    final RealMailServers servers = new RealMailServers();

    @Test
    void aSlashInTheProcessedFolderIsWrittenWithDovecotsSeparator() throws Exception {
        servers.deliverDirectly(TestMail.report().from(RealMailServers.ALEX).subject("nested").build());

        try (DaemonProcess daemon = startDaemonWithProcessedFolder("archive/sectriage")) {
            await("the acknowledgement").atMost(Duration.ofSeconds(60))
                    .failFast("the daemon exited", () -> !daemon.isAlive())
                    .until(() -> servers.acknowledgements(RealMailServers.ALEX), l -> l.size() == 1);
            await("the move").atMost(Duration.ofSeconds(30))
                    .until(() -> servers.inbox(TestConfig.SECURITY), List::isEmpty);
        }
        assertThat(servers.messages(TestConfig.SECURITY, "archive.sectriage")).hasSize(1);
    }

    @Test
    void mailIsTakenInAndLeftInTheInboxWhenDovecotRefusesToCreateTheProcessedFolder() throws Exception {
        servers.deliverDirectly(TestMail.report().from(RealMailServers.ALEX).subject("first report").build());
        servers.deliverDirectly(TestMail.report().from(RealMailServers.KIM).subject("second report").build());

        try (DaemonProcess daemon = startDaemonWithProcessedFolder(TOO_LONG_A_NAME)) {
            for (String reporter : List.of(RealMailServers.ALEX, RealMailServers.KIM)) {
                await("the acknowledgement to " + reporter).atMost(Duration.ofSeconds(60))
                        .failFast("the daemon exited", () -> !daemon.isAlive())
                        .until(() -> servers.acknowledgements(reporter), l -> l.size() == 1);
            }
            assertThat(daemon.output()).contains("WARN").contains("the server refused to create the processed folder '"
                    + TOO_LONG_A_NAME + "' (mailbox.processed-folder): ");
            servers.awaitIdle(daemon);
        }
        assertThat(servers.inbox(TestConfig.SECURITY)).hasSize(2);

        // a second life finds both still in the INBOX, recognises them, and answers neither again
        try (DaemonProcess daemon = startDaemonWithProcessedFolder(TOO_LONG_A_NAME)) {
            servers.awaitIdle(daemon);
        }
        assertThat(servers.acknowledgements(RealMailServers.ALEX)).hasSize(1);
        assertThat(servers.acknowledgements(RealMailServers.KIM)).hasSize(1);
        try (Database db = servers.daemonDatabase()) {
            assertThat(new CaseDatabase(db).count("SELECT COUNT(*) FROM inbound_message")).isEqualTo(2);
        }
    }

    private DaemonProcess startDaemonWithProcessedFolder(String name) throws java.io.IOException {
        return servers.startDaemonWithConfig(c -> c.replace("  idle: true\n",
                "  idle: true\n  processed-folder: \"" + name + "\"\n"));
    }
}
