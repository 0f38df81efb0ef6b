package org.sectriage.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
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
 * The packaged daemon against real Postfix and Dovecot: a report sent by SMTP is acknowledged
 * once, threaded to it, the maintainers are told, a follow-up joins the case, and new mail is seen
 * through IDLE, not by polling (the poll interval is ten minutes).
 */
class ReportOverRealServersIT {

    /** Far below the ten-minute poll interval: only IDLE can explain an answer this fast. */
    private static final Duration IDLE_LATENCY = Duration.ofSeconds(15);
    private static final String CASE_TAG = "\\[SEC-\\d{4}-\\d{4}\\]";

    @RegisterExtension
    final RealMailServers servers = new RealMailServers();

    @Test
    void reportIsAcknowledgedOnceMaintainersAreNotifiedAndTheFollowUpJoinsTheCase() throws Exception {
        MimeMessage report = TestMail.report().from(RealMailServers.ALEX)
                .subject("Heap overflow in the config parser").build();
        String caseId;
        try (DaemonProcess daemon = servers.startDaemon()) {
            servers.awaitIdle(daemon);
            servers.send(report);

            MimeMessage ack = await("the acknowledgement in the reporter's mailbox").atMost(IDLE_LATENCY)
                    .failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> servers.acknowledgements(RealMailServers.ALEX), l -> l.size() == 1).get(0);
            assertThat(ack.getSubject()).matches(CASE_TAG + " Re: Heap overflow in the config parser");
            assertThat(TestMail.header(ack, "In-Reply-To")).isEqualTo(report.getMessageID());
            assertThat(TestMail.header(ack, "From")).contains(TestConfig.SECURITY);
            caseId = TestMail.header(ack, "X-Sectriage-Case");
            assertThat(ack.getSubject()).startsWith("[" + caseId + "]");

            for (String maintainer : List.of(TestConfig.PRIMARY, TestConfig.SECONDARY)) {
                MimeMessage notice = await("the new-case notification to " + maintainer).atMost(IDLE_LATENCY)
                        .until(() -> servers.fromSectriage(maintainer), l -> l.size() == 1).get(0);
                assertThat(notice.getSubject()).isEqualTo("[" + caseId + "] Heap overflow in the config parser");
                assertThat(TestMail.header(notice, "X-Sectriage-Case")).isEqualTo(caseId);
            }
            assertThat(servers.inbox(TestConfig.SECURITY)).as("the report left the watched INBOX").isEmpty();
            assertThat(servers.messages(TestConfig.SECURITY, "sectriage-processed"))
                    .extracting(MimeMessage::getMessageID).containsExactly(report.getMessageID());

            servers.send(TestMail.report().from(RealMailServers.ALEX).replyTo(ack)
                    .body("The proof of concept: run ./poc.sh against 1.2.3.").build());
            for (String maintainer : List.of(TestConfig.PRIMARY, TestConfig.SECONDARY)) {
                List<MimeMessage> notices = await("the follow-up notification to " + maintainer)
                        .atMost(IDLE_LATENCY).until(() -> servers.fromSectriage(maintainer), l -> l.size() == 2);
                assertThat(TestMail.header(notices.get(1), "X-Sectriage-Case")).isEqualTo(caseId);
                assertThat(notices.get(1).getSubject()).contains("[" + caseId + "]");
            }
            await("no second acknowledgement").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> servers.acknowledgements(RealMailServers.ALEX), l -> l.size() == 1);
        }
        try (Database db = servers.daemonDatabase()) {
            CaseDatabase cases = new CaseDatabase(db);
            assertThat(cases.cases()).isEqualTo(1);
            assertThat(cases.count("SELECT COUNT(*) FROM case_message WHERE case_id = ? AND direction = 'in'",
                    caseId)).as("the report and the follow-up, in one case").isEqualTo(2);
        }
    }

    @Test
    void newMailIsSeenThroughIdleWithinSecondsThoughThePollIntervalIsTenMinutes() throws Exception {
        try (DaemonProcess daemon = servers.startDaemon()) {
            servers.awaitIdle(daemon);
            assertThat(daemon.output()).contains("watching INBOX (IDLE)")
                    .as("no warning of SLF4J's own at the start (a call logged before logging was ready)")
                    .doesNotContain("SLF4J(");

            // the first report after the start, which also pays for loading and compiling the daemon's code,
            // then one more to a daemon that has handled a report
            for (String reporter : List.of(RealMailServers.KIM, RealMailServers.NOOR)) {
                long sent = System.nanoTime();
                servers.send(TestMail.report().from(reporter).build());
                await("the acknowledgement").atMost(IDLE_LATENCY).pollInterval(Duration.ofMillis(10))
                        .failFast("daemon died", () -> !daemon.isAlive())
                        .until(() -> servers.acknowledgements(reporter), l -> l.size() == 1);
                Duration latency = Duration.ofNanos(System.nanoTime() - sent);
                System.out.printf("LATENCY report from %s sent to Postfix to acknowledgement read back from Dovecot:"
                        + " %d ms%n", reporter, latency.toMillis());
                assertThat(latency).as("report sent to acknowledgement read back, with poll-interval "
                        + DaemonConfig.POLL_INTERVAL).isLessThan(IDLE_LATENCY);
                servers.awaitIdle(daemon);
            }
            assertThat(servers.dovecot().clientCommands(TestConfig.SECURITY))
                    .as("the daemon's IMAP commands, as Dovecot recorded them")
                    .anyMatch(c -> c.matches("\\S+ IDLE")).contains("DONE")
                    .anyMatch(c -> c.matches("\\S+ UID FETCH \\S+ \\(UID BODY\\.PEEK\\[\\]\\)"))
                    .anyMatch(c -> c.matches("\\S+ UID MOVE 1 sectriage-processed"));
        }
    }

    @Test
    void anAcknowledgementPostfixRefusesForGoodIsRecordedAndNotTriedAgain() throws Exception {
        try (DaemonProcess daemon = servers.startDaemon()) {
            servers.awaitIdle(daemon);
            servers.send(TestMail.report().from(RealMailServers.NO_SUCH_USER).build());
            await("the maintainers told of the case").atMost(IDLE_LATENCY)
                    .until(() -> servers.fromSectriage(TestConfig.PRIMARY), l -> l.size() == 1);
            await("the refusal recorded").atMost(IDLE_LATENCY)
                    .until(() -> daemon.output().contains("was refused for good after 1 attempt(s)"));
            assertThat(daemon.output().lines().filter(l -> l.contains("was refused for good")))
                    .as("Postfix's reply, on the log line that reports it")
                    .singleElement().asString().endsWith("550 5.1.1 <" + RealMailServers.NO_SUCH_USER
                            + ">: Recipient address rejected: User unknown in virtual mailbox table)");
            assertThat(daemon.output()).doesNotContain("could not send acknowledgement");
        }
        try (Database db = servers.daemonDatabase()) {
            CaseDatabase cases = new CaseDatabase(db);
            assertThat(cases.outbox("acknowledgement", "failed")).isEqualTo(1);
            assertThat(cases.count("SELECT attempts FROM outbox WHERE purpose = 'acknowledgement'")).isEqualTo(1);
            assertThat(cases.strings("SELECT type FROM case_event")).contains("acknowledgement-failed");
        }
    }

    @Test
    void aNotificationPostfixTakesForTwoMaintainersAndRefusesForAThirdIsSentOnceAndNotAgain() throws Exception {
        try (DaemonProcess daemon = reportWithMember(RealMailServers.NO_SUCH_USER)) {
            await("no second copy, though the outbox retries every 2 s").during(Duration.ofSeconds(6))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> servers.fromSectriage(TestConfig.PRIMARY).size() == 1
                            && servers.fromSectriage(TestConfig.SECONDARY).size() == 1);
        }
        try (Database db = servers.daemonDatabase()) {
            CaseDatabase cases = new CaseDatabase(db);
            assertThat(cases.strings("SELECT status FROM outbox WHERE purpose = 'maintainer-notification'"))
                    .containsExactly("sent");
            assertThat(cases.strings("SELECT detail FROM case_event WHERE type = 'maintainer-notification-sent'"))
                    .singleElement().asString().contains("refused by the server for " + RealMailServers.NO_SUCH_USER);
        }
    }

    @Test
    void aNotificationPostfixDefersForOneMaintainerIsTriedAgainForThemAloneAndReachesEachMaintainerOnce()
            throws Exception {
        servers.postfix().stop();
        servers.postfix().deferRecipients(List.of(RealMailServers.KIM));
        servers.postfix().start();
        try (DaemonProcess daemon = reportWithMember(RealMailServers.KIM)) {
            await("the notification tried again for the deferred maintainer").atMost(Duration.ofSeconds(30))
                    .failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> daemon.output().lines().anyMatch(l -> l.contains("could not send maintainer-notification")
                            && l.contains("(attempt 2)")));
            assertThat(servers.fromSectriage(RealMailServers.KIM)).as("nothing yet to the deferred one").isEmpty();

            servers.postfix().stop();
            servers.postfix().deferRecipients(List.of());
            servers.postfix().start();
            await("the notification to the maintainer Postfix takes mail for again").atMost(Duration.ofSeconds(30))
                    .failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> servers.fromSectriage(RealMailServers.KIM), l -> l.size() == 1);
            await("no second copy to anyone, though the outbox retries every 2 s").during(Duration.ofSeconds(6))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> List.of(TestConfig.PRIMARY, TestConfig.SECONDARY, RealMailServers.KIM).stream()
                            .allMatch(m -> servers.fromSectriage(m).size() == 1));
        }
        try (Database db = servers.daemonDatabase()) {
            CaseDatabase cases = new CaseDatabase(db);
            assertThat(cases.strings("SELECT recipients || ' ' || status FROM outbox"
                    + " WHERE purpose = 'maintainer-notification' ORDER BY id"))
                    .containsExactly(TestConfig.PRIMARY + "," + TestConfig.SECONDARY + "," + RealMailServers.KIM
                            + " sent", RealMailServers.KIM + " sent");
            assertThat(cases.strings("SELECT detail FROM case_event WHERE type = 'maintainer-notification-sent'"
                    + " ORDER BY id"))
                    .hasSize(2)
                    .first().asString().contains("refused by the server for " + RealMailServers.KIM + " (450 4.2.0")
                    .endsWith("; to be tried again for " + RealMailServers.KIM);
        }
        String caseId;
        try (Database db = servers.daemonDatabase()) {
            caseId = new CaseDatabase(db).strings("SELECT id FROM security_case").get(0);
        }
        org.sectriage.cli.CliRun shown = org.sectriage.cli.CliRun.of("cases", "show", caseId, "--database",
                servers.daemonDatabaseUrl());
        assertThat(shown.out()).as("the thread shows what became of the mail for the deferred maintainer")
                .containsPattern("delivery: +sent [^;\\n]+; for " + RealMailServers.KIM + ": sent ");
    }

    /**
     * Starts the daemon with {@code member} as a third maintainer, sends it a report, and returns once the
     * primary and the secondary coordinator have its notification.
     */
    private DaemonProcess reportWithMember(String member) throws Exception {
        DaemonProcess daemon = servers.startDaemonWithMembers(List.of(member));
        try {
            servers.awaitIdle(daemon);
            servers.send(TestMail.report().from(RealMailServers.ALEX).build());
            for (String maintainer : List.of(TestConfig.PRIMARY, TestConfig.SECONDARY)) {
                await("the notification to " + maintainer).atMost(IDLE_LATENCY)
                        .failFast("daemon died", () -> !daemon.isAlive())
                        .until(() -> servers.fromSectriage(maintainer), l -> l.size() == 1);
            }
            return daemon;
        } catch (Exception | AssertionError e) {
            daemon.close();
            throw e;
        }
    }

    @Test
    void idleRenewedEveryTwoSecondsKeepsSeeingNewMail() throws Exception {
        try (DaemonProcess daemon = servers.startDaemon("2s")) {
            await("Dovecot seeing the daemon renew its IDLE").atMost(Duration.ofSeconds(30))
                    .failFast("daemon died", () -> !daemon.isAlive())
                    .until(() -> servers.dovecot().clientCommands(TestConfig.SECURITY).stream()
                            .filter(c -> c.matches("\\S+ IDLE")).count() >= 3);
            servers.send(TestMail.report().from(RealMailServers.LEE).build());
            await("the acknowledgement").atMost(IDLE_LATENCY)
                    .until(() -> servers.acknowledgements(RealMailServers.LEE), l -> l.size() == 1);
            assertThat(daemon.output()).doesNotContain("mailbox unavailable").doesNotContain("ERROR");
        }
    }

}
