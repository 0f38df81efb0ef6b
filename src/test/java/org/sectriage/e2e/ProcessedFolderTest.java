package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/** Where stored mail goes: to the processed folder, named with the server's own hierarchy separator. */
class ProcessedFolderTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    /** GreenMail's separator is '.': this is the folder sectriage inside the folder archive. */
    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL,
            c -> TestConfig.withProcessedFolder(c, "archive/sectriage"));

    @Test
    void aSlashInTheProcessedFolderStandsForTheServersHierarchySeparator() throws Exception {
        sectriage.server().sendToSecurity(TestMail.report().from("nested@researcher.example").build());

        ImapHostManager folders = GREENMAIL.getManagers().getImapHostManager();
        GreenMailUser security = GREENMAIL.getUserManager().getUserByEmail(TestConfig.SECURITY);
        await().atMost(Duration.ofSeconds(30)).until(() -> folders.getInbox(security).getMessageCount() == 0);
        MailFolder processed = folders.getFolder(security, "archive.sectriage");
        assertThat(processed).isNotNull();
        assertThat(processed.getMessageCount()).isEqualTo(1);
    }
}
