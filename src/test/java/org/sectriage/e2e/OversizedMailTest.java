package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.MailServer;
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

    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL);

    private MailServer server;
    private CaseDatabase db;

    @BeforeEach
    void lookAtTheDaemon() {
        server = sectriage.server();
        db = sectriage.db();
    }

    @Test
    void twoThousandNestedMultipartsBecomeACaseMarkedAsTooDeep() {
        server.sendToSecurity(TestMail.parse(nestedMultiparts(2000)));

        await().atMost(PATIENCE).until(() -> db.cases() == 1);
        assertThat(db.strings("SELECT problems FROM security_case").get(0)).containsIgnoringCase("nesting");
        await().atMost(PATIENCE).until(() -> server.acknowledgementsTo("deep@researcher.example").size() == 1);
    }

    @Test
    void aMessageLargerThanOneFetchChunkIsStoredByteForByte() throws Exception {
        // Just past two fetch chunks: a server that under-reports RFC822.SIZE (GreenMail does, by a few
        // hundred bytes; Exchange estimates it) made an earlier version stop one chunk short.
        server.sendToSecurity(TestMail.parse(withTotalSize(2 * 1024 * 1024 + 100)));
        await().atMost(PATIENCE).until(() -> db.cases() == 1);

        byte[] stored = sectriage.running().daemon().database().inTransaction(c -> {
            try (var in = new org.sectriage.store.InboundStore().openRaw(c, 1)) {
                return in.readAllBytes();
            }
        });
        byte[] onServer = wholeMessageInProcessedFolder();
        assertThat(stored).hasSize(onServer.length);
        assertThat(stored).isEqualTo(onServer);
    }

    /** The message as the server serves it in one piece: the reference the stored copy must equal. */
    private byte[] wholeMessageInProcessedFolder() throws Exception {
        var store = GREENMAIL.getImap().createStore();
        store.connect(TestConfig.SECURITY, TestConfig.PASSWORD);
        try {
            var folder = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder("sectriage-processed");
            folder.open(jakarta.mail.Folder.READ_ONLY);
            try (var in = ((org.eclipse.angus.mail.imap.IMAPMessage) folder.getMessage(1)).getMimeStream()) {
                return in.readAllBytes();
            }
        } finally {
            store.close();
        }
    }

    /** A report with a base64 attachment, padded to exactly {@code total} bytes. */
    private static byte[] withTotalSize(int total) {
        byte[] payload = new byte[(total - 4096) / 78 * 57]; // 57 bytes make one 76-character base64 line
        new java.util.Random(7).nextBytes(payload);
        String head = "From: big@researcher.example\r\nTo: " + TestConfig.SECURITY + "\r\nSubject: dump\r\n"
                + "Message-ID: <dump@researcher.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\n"
                + "Content-Type: text/plain\r\n\r\nDump attached.";
        String tail = "\r\n--outer\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(payload) + "\r\n--outer--\r\n";
        int padding = total - head.length() - tail.length();
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.US_ASCII);
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
