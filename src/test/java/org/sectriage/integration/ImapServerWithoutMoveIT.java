package org.sectriage.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.store.Database;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * An IMAP server without MOVE and UIDPLUS (Dovecot announcing only what an older server has): the
 * daemon moves what it stored by COPY, \Deleted and a plain EXPUNGE, which would also remove any mail
 * that another client marked \Deleted and the daemon has not taken in yet.
 */
class ImapServerWithoutMoveIT {

    private static final String WITHOUT_MOVE_AND_UIDPLUS = "IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE";

    @RegisterExtension
    final RealMailServers servers = new RealMailServers(WITHOUT_MOVE_AND_UIDPLUS);

    @Test
    void mailAnotherClientMarkedDeletedIsNotExpungedBeforeTheDaemonHasStoredIt() throws Exception {
        servers.deliverDirectly(TestMail.report().from(RealMailServers.ALEX).subject("first report").build());
        servers.deliverDirectly(TestMail.report().from(RealMailServers.KIM).subject("marked deleted elsewhere").build());
        assertThat(servers.markDeletedInInbox(TestConfig.SECURITY, "marked deleted elsewhere"))
                .isEqualTo(1);

        // one message a batch: the first batch's EXPUNGE runs while the marked message waits for the second
        try (DaemonProcess daemon = servers.startDaemonWithConfig(c -> c.replace("  idle: true\n",
                "  idle: true\n  fetch-batch: 1\n"))) {
            for (String reporter : new String[] {RealMailServers.ALEX, RealMailServers.KIM}) {
                await("the acknowledgement to " + reporter).atMost(Duration.ofSeconds(60))
                        .failFast("the daemon exited", () -> !daemon.isAlive())
                        .until(() -> servers.acknowledgements(reporter), l -> l.size() == 1);
            }
            servers.awaitIdle(daemon);
            assertThat(servers.inbox(TestConfig.SECURITY)).isEmpty();
            assertThat(servers.messages(TestConfig.SECURITY, "sectriage-processed")).hasSize(2);
        }
        try (Database db = servers.daemonDatabase()) {
            assertThat(new CaseDatabase(db).strings("SELECT subject FROM security_case ORDER BY id"))
                    .containsExactly("first report", "marked deleted elsewhere");
        }
    }
}
