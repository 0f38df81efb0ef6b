package org.sectriage.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.store.Database;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * A message in the watched folder that Dovecot cannot read (its maildir file unreadable to Dovecot, as
 * after a disk error or a wrong restore) is refused on every FETCH: the reports around it are taken in
 * all the same, and it stays in the folder, not lost, to be taken in once the server can deliver it.
 */
class MessageTheServerCannotDeliverIT {

    private static final String UNREADABLE = "the one Dovecot cannot read";

    @RegisterExtension
    final RealMailServers servers = new RealMailServers();

    @Test
    void theReportsAroundAMessageTheServerRefusesAreTakenInAndItStaysInTheFolder() throws Exception {
        servers.deliverDirectly(TestMail.report().from(RealMailServers.ALEX).subject("before it").build());
        servers.deliverDirectly(TestMail.report().from(RealMailServers.KIM).subject(UNREADABLE).build());
        servers.deliverDirectly(TestMail.report().from(RealMailServers.LEE).subject("after it").build());
        Files.setPosixFilePermissions(maildirFileWith(UNREADABLE), PosixFilePermissions.fromString("---------"));

        try (DaemonProcess daemon = servers.startDaemon()) {
            for (String reporter : List.of(RealMailServers.ALEX, RealMailServers.LEE)) {
                await("the acknowledgement to " + reporter).atMost(Duration.ofSeconds(60))
                        .failFast("the daemon exited", () -> !daemon.isAlive())
                        .until(() -> servers.acknowledgements(reporter), l -> l.size() == 1);
            }
            await("the refusal logged").atMost(Duration.ofSeconds(30))
                    .until(() -> daemon.output().contains("the server did not hand it over"));
            await("the two reports moved, the refused one left").atMost(Duration.ofSeconds(30))
                    .until(() -> servers.messages(TestConfig.SECURITY, "sectriage-processed").size() == 2);
            assertThat(servers.acknowledgements(RealMailServers.KIM)).isEmpty();
        }

        // Dovecot moved the file from new/ to cur/ when the daemon opened the folder
        Files.setPosixFilePermissions(maildirFileWith(UNREADABLE), PosixFilePermissions.fromString("rw-------"));
        try (DaemonProcess daemon = servers.startDaemon()) {
            await("the acknowledgement once the server delivers it").atMost(Duration.ofSeconds(60))
                    .failFast("the daemon exited", () -> !daemon.isAlive())
                    .until(() -> servers.acknowledgements(RealMailServers.KIM), l -> l.size() == 1);
        }
        try (Database db = servers.daemonDatabase()) {
            assertThat(new CaseDatabase(db).strings("SELECT subject FROM security_case ORDER BY id"))
                    .containsExactly("before it", "after it", UNREADABLE);
        }
    }

    private Path maildirFileWith(String subject) throws IOException {
        try (Stream<Path> files = Files.walk(servers.dovecot().maildir(TestConfig.SECURITY))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().matches("new|cur"))
                    .filter(f -> read(f).contains("Subject: " + subject))
                    .findFirst().orElseThrow(() -> new AssertionError("no maildir file with subject " + subject));
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
