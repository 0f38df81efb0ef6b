package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.RunningDaemon;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * Mail built to exhaust a parser still becomes a case, marked with what was over the limit, within
 * the daemon's heap (unit tests run at -Xmx256m; the 30 MB attachment is in {@code LargeMailIT},
 * where the daemon runs as its own process).
 */
class OversizedMailTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private RunningDaemon running;
    private MailServer server;
    private CaseDatabase db;

    @BeforeEach
    void startDaemon() {
        running = RunningDaemon.start(GREENMAIL, dir);
        server = running.server();
        db = running.db();
    }

    @AfterEach
    void stopDaemon() {
        running.close();
    }

    @Test
    void twoThousandNestedMultipartsBecomeACaseMarkedAsTooDeep() {
        server.sendToSecurity(TestMail.parse(nestedMultiparts(2000)));

        await().atMost(PATIENCE).until(() -> db.cases() == 1);
        assertThat(db.strings("SELECT problems FROM security_case").get(0)).containsIgnoringCase("nesting");
        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo("deep@researcher.example").size() == 1);
    }

    private static byte[] nestedMultiparts(int depth) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: deep@researcher.example\r\nTo: ").append(TestConfig.SECURITY)
                .append("\r\nSubject: nested\r\nMessage-ID: <deep@researcher.example>\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\n\r\nthe innermost part\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
