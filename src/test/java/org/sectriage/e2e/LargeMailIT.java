package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.store.Database;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.DatabaseFile;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;

/** A 30 MB attachment through the packaged daemon running at -Xmx256m, as the systemd unit runs it. */
class LargeMailIT {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final int ATTACHMENT = 30 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void thirtyMegabyteAttachmentIsStoredWholeAndAcknowledgedWithin256MegabytesOfHeap() throws Exception {
        GREENMAIL.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        MailServer server = new MailServer(GREENMAIL);
        byte[] raw = withAttachment(ATTACHMENT);
        GREENMAIL.getUserManager().getUserByEmail(TestConfig.SECURITY)
                .deliver(new MimeMessage(null, new SharedByteArrayInputStream(raw)));

        Path config = TestConfig.writeYaml(server.imapPort(), server.smtpPort(), dir);
        int exit;
        try (DaemonProcess daemon = DaemonProcess.start(config, "256m", dir)) {
            await().atMost(Duration.ofSeconds(120)).failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> server.acknowledgementsTo("big@researcher.example").size() == 1);
            exit = daemon.stop();
            assertThat(daemon.output()).doesNotContain("OutOfMemoryError");
        }
        assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
        try (Database db = Database.open(DatabaseFile.in(dir).url(), "sectriage",
                null)) {
            CaseDatabase cases = new CaseDatabase(db);
            assertThat(cases.cases()).isEqualTo(1);
            assertThat(cases.count("SELECT OCTET_LENGTH(raw) FROM inbound_message")).isEqualTo(raw.length);
            assertThat(cases.count("SELECT size FROM inbound_message")).isEqualTo(raw.length);
        }
    }

    private static byte[] withAttachment(int attachmentBytes) {
        byte[] payload = new byte[attachmentBytes];
        new Random(42).nextBytes(payload);
        String head = "From: big@researcher.example\r\nTo: " + TestConfig.SECURITY + "\r\nSubject: core dump attached\r\n"
                + "Message-ID: <big@researcher.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe crash dump is attached. Version 3.1.\r\n--outer\r\n"
                + "Content-Type: application/octet-stream; name=\"core.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"core.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(attachmentBytes * 4 / 3 + 4096);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder().encode(payload));
        out.writeBytes("\r\n--outer--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
