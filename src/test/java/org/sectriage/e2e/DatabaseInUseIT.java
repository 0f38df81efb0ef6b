package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.store.Database;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.DatabaseFile;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;

/**
 * sectriage on a database that another process holds, a second sectriage or any other program,
 * stops at once with a clear message and exit code 2, and leaves the holder undisturbed.
 */
class DatabaseInUseIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    @Test
    void secondDaemonOnTheSameDatabaseExitsWithAClearError() throws Exception {
        GREENMAIL.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        MailServer server = new MailServer(GREENMAIL);
        Path config = TestConfig.writeYaml(server.imapPort(), server.smtpPort(), dir);
        try (DaemonProcess first = DaemonProcess.start(config, "256m", dir)) {
            await().atMost(Duration.ofSeconds(60)).failFast("daemon died", () -> !first.isAlive())
                    .until(() -> first.output().contains("watching INBOX"));

            Path output = dir.resolve("second.log");
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", System.getProperty("sectriage.jar", "target/sectriage.jar"), "run", "--config",
                    config.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second daemon exits").isTrue();

            assertThat(second.exitValue()).isEqualTo(2);
            assertThat(Files.readString(output)).contains("in use by another process")
                    .doesNotContain("\tat org.");
            assertThat(first.isAlive()).isTrue();
        }
    }

    @Test
    void daemonOnADatabaseFileLockedByAnotherProgramExitsWithAClearError() throws Exception {
        GREENMAIL.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        MailServer server = new MailServer(GREENMAIL);
        Path config = TestConfig.writeYaml(server.imapPort(), server.smtpPort(), dir);
        // this test's own JVM opens the file, as an admin's H2 console or a backup tool would
        try (Database holder = Database.open(DatabaseFile.in(dir).url(), "sectriage",
                null)) {
            long start = System.nanoTime();
            try (DaemonProcess daemon = DaemonProcess.start(config, "256m", dir)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !daemon.isAlive());
                int exit = daemon.stop();
                String message = daemon.output().lines().filter(l -> l.contains("in use")).findFirst().orElse("");
                System.out.printf("FAULT database-locked: exit %d after %.1f s: %s%n", exit,
                        (System.nanoTime() - start) / 1e9, message.strip());
                assertThat(exit).isEqualTo(2);
                assertThat(daemon.output()).contains("is in use by another process").doesNotContain("\tat org.")
                        .doesNotContain("OutOfMemoryError");
            }
            assertThat(new CaseDatabase(holder).cases()).as("the holder still reads the database").isZero();
        }
    }
}
