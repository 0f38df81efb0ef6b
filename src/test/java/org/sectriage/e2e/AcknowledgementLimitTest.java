package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.RunningDaemon;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/** A flood of mail cannot make sectriage flood back: acknowledgements stop at the hourly limits. */
class AcknowledgementLimitTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void acknowledgementsToOneSenderStopAtTheLimitPerSender() {
        try (RunningDaemon running = RunningDaemon.start(GREENMAIL, dir, 5, 200)) {
            for (int i = 0; i < 7; i++) {
                running.server().sendToSecurity(TestMail.report().from("flood@spam.example").subject("Report " + i)
                        .build());
            }

            settle(running, 7);
            assertThat(running.server().acknowledgementsTo("flood@spam.example")).hasSize(5);
            assertThat(running.db().count("SELECT COUNT(*) FROM case_event WHERE type = 'acknowledgement-withheld'"))
                    .isEqualTo(2);
        }
    }

    @Test
    void acknowledgementsInAllStopAtTheLimitWhoeverTheSendersClaimToBe() {
        try (RunningDaemon running = RunningDaemon.start(GREENMAIL, dir, 5, 3)) {
            for (int i = 0; i < 5; i++) {
                running.server().sendToSecurity(TestMail.report().from("forged" + i + "@victims.example").build());
            }

            settle(running, 5);
            assertThat(running.db().outbox("acknowledgement", "sent")).isEqualTo(3);
            assertThat(running.db().strings("SELECT detail FROM case_event WHERE type = 'acknowledgement-withheld'"))
                    .hasSize(2).allMatch(d -> d.contains("max-per-hour"));
            assertThat(running.server().sentBySectriageTo(TestConfig.PRIMARY))
                    .as("every report still reaches the maintainers").hasSize(5);
        }
    }

    private static void settle(RunningDaemon running, int cases) {
        await().atMost(PATIENCE).until(() -> running.db().cases() == cases);
        await().atMost(PATIENCE).until(() -> running.db().count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0);
    }
}
