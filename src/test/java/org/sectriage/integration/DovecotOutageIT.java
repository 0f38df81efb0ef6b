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
 * Dovecot stopped while the daemon idles on it, mail arriving meanwhile (Postfix keeps it queued),
 * then Dovecot started again: the daemon reconnects by itself, and every report is acknowledged
 * exactly once.
 */
class DovecotOutageIT {

    private static final List<String> DURING_OUTAGE = List.of(RealMailServers.KIM, RealMailServers.LEE);

    @RegisterExtension
    final RealMailServers servers = new RealMailServers();

    @Test
    void dovecotStoppedAndStartedAgainLosesNothingAndTheDaemonReconnectsByItself() throws Exception {
        try (DaemonProcess daemon = servers.startDaemon()) {
            servers.awaitIdle(daemon);
            servers.send(TestMail.report().from(RealMailServers.ALEX).subject("before the outage").build());
            await("the first acknowledgement").atMost(Duration.ofSeconds(30))
                    .until(() -> servers.acknowledgements(RealMailServers.ALEX), l -> l.size() == 1);
            servers.awaitIdle(daemon);

            servers.dovecot().stop();
            // Dovecot's IMAP processes outlive its master by some seconds: wait for the session to end,
            // and for the daemon to be refused when it tries to connect again
            await("the daemon's session ended and a reconnect refused").atMost(Duration.ofSeconds(60))
                    .failFast("the daemon exited", () -> !daemon.isAlive())
                    .until(() -> daemon.output().contains("mailbox unavailable")
                            && daemon.output().contains("cannot open INBOX")
                            && daemon.output().contains("ConnectException: Connection refused"));
            for (String reporter : DURING_OUTAGE) {
                servers.send(TestMail.report().from(reporter).subject("during the outage").build());
            }
            await("Postfix deferring both reports, as Dovecot's LMTP is down").atMost(Duration.ofSeconds(30))
                    .until(() -> servers.postfix().log().lines()
                            .filter(l -> l.contains("to=<" + TestConfig.SECURITY + ">") && l.contains("status=deferred"))
                            .count() >= DURING_OUTAGE.size());

            servers.dovecot().start();
            for (String reporter : DURING_OUTAGE) {
                await("the acknowledgement to " + reporter).atMost(Duration.ofSeconds(90))
                        .failFast("the daemon exited", () -> !daemon.isAlive())
                        .until(() -> servers.acknowledgements(reporter), l -> l.size() == 1);
            }
            servers.awaitIdle(daemon);
            assertThat(daemon.isAlive()).as("the same daemon process, never restarted").isTrue();
            assertThat(daemon.output().lines().filter(l -> l.contains("watching INBOX (IDLE)")).count())
                    .as("connected, then reconnected").isGreaterThanOrEqualTo(2);
            await("nothing acknowledged twice").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> servers.acknowledgements(RealMailServers.ALEX).size() == 1
                            && DURING_OUTAGE.stream().allMatch(r -> servers.acknowledgements(r).size() == 1)
                            && servers.fromSectriage(TestConfig.PRIMARY).size() == 3);
            assertThat(servers.inbox(TestConfig.SECURITY)).isEmpty();
            assertThat(servers.messages(TestConfig.SECURITY, "sectriage-processed")).hasSize(3);
        }
        try (Database db = servers.daemonDatabase()) {
            CaseDatabase cases = new CaseDatabase(db);
            assertThat(cases.cases()).isEqualTo(3);
            assertThat(cases.count("SELECT COUNT(*) FROM inbound_message")).isEqualTo(3);
            assertThat(cases.strings("SELECT DISTINCT state FROM security_case")).containsExactly("acknowledged");
        }
    }

    @Test
    void daemonStartedWhileDovecotIsDownConnectsByItselfOnceDovecotIsUp() throws Exception {
        servers.dovecot().stop();
        try (DaemonProcess daemon = servers.startDaemon()) {
            await("a refused first connection").atMost(Duration.ofSeconds(60))
                    .failFast("the daemon exited", () -> !daemon.isAlive())
                    .until(() -> daemon.output().contains("ConnectException: Connection refused"));
            servers.dovecot().start();
            servers.awaitIdle(daemon);
            servers.send(TestMail.report().from(RealMailServers.NOOR).build());
            await("the acknowledgement").atMost(Duration.ofSeconds(15))
                    .until(() -> servers.acknowledgements(RealMailServers.NOOR), l -> l.size() == 1);
        }
    }
}
