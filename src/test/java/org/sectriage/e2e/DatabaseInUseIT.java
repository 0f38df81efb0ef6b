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
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;

/** A second sectriage on a database that a running one holds stops at once with a clear message. */
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
}
