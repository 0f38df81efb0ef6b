package org.sectriage.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.store.Database;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DaemonProcess;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * Postfix stopped while a report comes in (delivered to Dovecot by LMTP directly), and started
 * again after the daemon has failed to send a few times: the acknowledgement and the maintainers'
 * notifications arrive, each exactly once.
 */
class PostfixOutageIT {

    @RegisterExtension
    final RealMailServers servers = new RealMailServers();

    @Test
    void acknowledgementHeldBackByAPostfixOutageIsDeliveredOnceWhenPostfixIsBack() throws Exception {
        try (DaemonProcess daemon = servers.startDaemon()) {
            servers.awaitIdle(daemon);
            servers.postfix().stop();
            servers.deliverDirectly(TestMail.report().from(RealMailServers.NOOR).build());

            await("a few failed attempts to send").atMost(Duration.ofSeconds(60))
                    .failFast("the daemon exited", () -> !daemon.isAlive())
                    // the acknowledgement's own third attempt: the notification's attempts are logged alike
                    .until(() -> daemon.output().lines().anyMatch(l -> l.contains("could not send acknowledgement")
                            && l.contains("(attempt 3)")));
            assertThat(servers.acknowledgements(RealMailServers.NOOR)).isEmpty();

            servers.postfix().start();
            await("the acknowledgement").atMost(Duration.ofSeconds(30))
                    .until(() -> servers.acknowledgements(RealMailServers.NOOR), l -> l.size() == 1);
            await("each mail delivered once").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                    .until(() -> servers.acknowledgements(RealMailServers.NOOR).size() == 1
                            && List.of(TestConfig.PRIMARY, TestConfig.SECONDARY).stream()
                                    .allMatch(m -> servers.fromSectriage(m).size() == 1));
        }
        try (Database db = servers.daemonDatabase()) {
            CaseDatabase cases = new CaseDatabase(db);
            assertThat(cases.strings("SELECT state FROM security_case")).containsExactly("acknowledged");
            assertThat(cases.count("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")).isZero();
            assertThat(cases.count("SELECT attempts FROM outbox WHERE purpose = 'acknowledgement'"))
                    .as("attempts, the last one accepted").isGreaterThanOrEqualTo(4);
        }
    }
}
