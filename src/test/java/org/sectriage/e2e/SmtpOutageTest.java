package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.Daemon;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.FreePorts;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/** An SMTP outage delays mail; it never loses it and never sends it twice. */
class SmtpOutageTest {

    @RegisterExtension
    static final GreenMailExtension INBOUND = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final int REPORTS = 5;

    @TempDir
    Path dir;

    @Test
    void mailQueuedWhileTheSmtpServerIsDownIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
        INBOUND.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        MailServer inbound = new MailServer(INBOUND);
        int smtpPort = FreePorts.onLoopback(1)[0];
        try (Daemon daemon = Daemon.create(TestConfig.of(inbound.imapPort(), smtpPort, dir), Clock.systemUTC())) {
            daemon.start();
            CaseDatabase db = new CaseDatabase(daemon.database());
            for (int i = 0; i < REPORTS; i++) {
                inbound.sendToSecurity(TestMail.report().from("r" + i + "@researcher.example").build());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> db.cases() == REPORTS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> db.count("SELECT COUNT(*) FROM outbox WHERE attempts > 0 AND status = 'pending'") > 0);
            assertThat(db.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isZero();
            assertThat(db.strings("SELECT DISTINCT state FROM security_case"))
                    .as("a case is acknowledged once the reporter's answer is sent, not when it is queued")
                    .containsExactly("new");

            GreenMail outbound = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            outbound.start();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> db.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == 2 * REPORTS);
                assertThat(db.strings("SELECT DISTINCT state FROM security_case")).containsExactly("acknowledged");
                MimeMessage[] copies = outbound.getReceivedMessages();
                // one copy per recipient mailbox: each reporter's acknowledgement, each notification twice
                assertThat(copies).hasSize(REPORTS + 2 * REPORTS);
                List<MimeMessage> received = MailServer.distinct(copies);
                for (int i = 0; i < REPORTS; i++) {
                    String reporter = "r" + i + "@researcher.example";
                    assertThat(received.stream().filter(m -> TestMail.isTo(m, reporter))).hasSize(1);
                }
                assertThat(received.stream().filter(m -> TestMail.isTo(m, TestConfig.PRIMARY))).hasSize(REPORTS);
            } finally {
                outbound.stop();
            }
        }
    }
}
