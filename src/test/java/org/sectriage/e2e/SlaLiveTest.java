package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectriage.config.SectriageConfig;
import org.sectriage.testing.DaemonExtension;
import org.sectriage.testing.MailServer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * A whole escalation, live: with a policy of seconds (a first response within 3s, reminded 1s before,
 * escalation after 4s of silence) the daemon's own timer sends each notice on the real clock.
 */
class SlaLiveTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @RegisterExtension
    final DaemonExtension sectriage = new DaemonExtension(GREENMAIL, c -> TestConfig.withPolicy(c,
            SectriageConfig.Policy.calendar(Duration.ofHours(48), Duration.ofSeconds(3), Duration.ofSeconds(4), null,
                    Duration.ofSeconds(1), ZoneOffset.UTC).withCheckInterval(Duration.ofMillis(250))));

    @Test
    void aReportNobodyAnswersIsRemindedTwiceThenEscalatedWhileTheDaemonRuns() {
        MailServer server = sectriage.server();
        server.sendToSecurity(TestMail.report().from("alex@researcher.example").subject("Auth bypass").build());

        await().atMost(Duration.ofSeconds(30)).until(() -> sectriage.db().cases() == 1);
        String id = sectriage.db().strings("SELECT id FROM security_case").get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> sectriage.db().events(id).contains("escalated"));
        assertThat(sectriage.db().events(id)).containsSubsequence("case-opened", "acknowledgement-sent",
                "reminded-before-deadline", "reminded-at-deadline", "escalated", "reporter-told-of-escalation");
        await().atMost(Duration.ofSeconds(30)).until(() -> server.sentBySectriageTo(TestConfig.SECONDARY).stream()
                .anyMatch(m -> MailServer.subject(m).contains("ESCALATED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.sentBySectriageTo("alex@researcher.example").stream()
                .anyMatch(m -> MailServer.subject(m).contains("escalated")));
    }
}
