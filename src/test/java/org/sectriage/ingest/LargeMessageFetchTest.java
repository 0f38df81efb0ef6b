package org.sectriage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.TestConfig;

/** A message larger than one FETCH is read in chunks from a real IMAP server, and never kept cut short. */
class LargeMessageFetchTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    /** About 2.3 MB: three chunks of a FETCH. */
    private static final String BODY = "A".repeat(76).concat("\r\n").repeat(30_000);

    @TempDir
    Path dir;

    private ImapMailboxClient clientWithOneLargeMessage() throws Exception {
        GreenMailUser security = GREENMAIL.setUser(TestConfig.SECURITY, TestConfig.SECURITY, TestConfig.PASSWORD);
        security.deliver(GreenMailUtil.newMimeMessage("From: alex@researcher.example\r\nTo: " + TestConfig.SECURITY
                + "\r\nSubject: a large proof of concept\r\nMessage-ID: <large-1@researcher.example>\r\n\r\n" + BODY));
        ImapMailboxClient client = new ImapMailboxClient(
                TestConfig.of(GREENMAIL.getImap().getPort(), GREENMAIL.getSmtp().getPort(), dir).mailbox());
        client.open();
        return client;
    }

    @Test
    void aMessageOfSeveralChunksIsReadWhole() throws Exception {
        ImapMailboxClient client = clientWithOneLargeMessage();
        try {
            List<MailboxClient.MessageRef> refs = client.list();
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            client.fetchInto(refs.get(0).uid(), out);

            String fetched = out.toString(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(fetched).startsWith("From: alex@researcher.example").endsWith(BODY);
            assertThat(refs.get(0).size()).as("the server's size, an estimate").isGreaterThan(2L * 1024 * 1024);
        } finally {
            client.close();
        }
    }

    @Test
    void aMessageWhoseNextChunkTheServerNoLongerSendsIsRefusedNotKeptCutShort() throws Exception {
        ImapMailboxClient client = clientWithOneLargeMessage();
        try {
            long uid = client.list().get(0).uid();
            // another client removes the message while its first chunk is being read
            ByteArrayOutputStream out = new ByteArrayOutputStream() {
                @Override
                public void write(byte[] b, int off, int len) {
                    if (size() == 0) {
                        try {
                            GREENMAIL.getManagers().getImapHostManager()
                                    .getInbox(GREENMAIL.getUserManager().getUserByEmail(TestConfig.SECURITY))
                                    .deleteAllMessages();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    super.write(b, off, len);
                }
            };

            assertThatThrownBy(() -> client.fetchInto(uid, out)).isInstanceOf(MailboxException.class)
                    .hasMessageContaining("UID " + uid).hasMessageContaining("after its first 1048576 bytes");
        } finally {
            client.close();
        }
    }
}
