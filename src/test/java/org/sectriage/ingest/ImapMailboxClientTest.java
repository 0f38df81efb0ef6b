package org.sectriage.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.TestConfig;

class ImapMailboxClientTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedConnectionSaysSoNotOnlyThatItCouldNotConnect() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ImapMailboxClient client = new ImapMailboxClient(TestConfig.of(closed, closed, dir).mailbox());
        assertThatThrownBy(client::open).isInstanceOf(MailboxException.class)
                .hasMessageContaining("cannot open INBOX at 127.0.0.1:" + closed)
                .hasMessageContaining("(ConnectException: Connection refused)");
    }
}
