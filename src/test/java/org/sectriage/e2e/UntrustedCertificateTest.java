package org.sectriage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.config.SectriageConfig;
import org.sectriage.ingest.ImapMailboxClient;
import org.sectriage.ingest.MailboxException;
import org.sectriage.outbox.DeliveryException;
import org.sectriage.outbox.SmtpOutboundMailer;
import org.sectriage.testing.TestConfig;
import org.sectriage.testing.TestMail;

/**
 * GreenMail's IMAPS and SMTPS present its own self-signed certificate, which the JVM does not trust, as a
 * server with a certificate from a private CA would: the failure says why, on one line, and what to do.
 */
class UntrustedCertificateTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAPS, ServerSetupTest.SMTPS}));

    private static final String PKIX_CAUSE = "unable to find valid certification path to requested target";

    @TempDir
    Path dir;

    @Test
    void anImapServerWithAnUntrustedCertificateIsRefusedWithTheReasonAndWhatToDo() {
        ImapMailboxClient client = new ImapMailboxClient(config().mailbox());

        assertThatThrownBy(client::open).isInstanceOf(MailboxException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(PKIX_CAUSE).contains("-Djavax.net.ssl.trustStore=")
                        .doesNotContain("\n"));
    }

    @Test
    void anSmtpServerWithAnUntrustedCertificateIsRefusedWithTheReasonAndWhatToDo() throws Exception {
        try (SmtpOutboundMailer mailer = new SmtpOutboundMailer(config().smtp())) {
            assertThatThrownBy(() -> mailer.send(TestConfig.SECURITY, List.of("someone@researcher.example"),
                    TestMail.bytes(TestMail.report().build()))).isInstanceOf(DeliveryException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains(PKIX_CAUSE)
                            .contains("-Djavax.net.ssl.trustStore=").doesNotContain("\n"));
        }
    }

    private SectriageConfig config() {
        return TestConfig.overTls(TestConfig.of(GREENMAIL.getImaps().getPort(), GREENMAIL.getSmtps().getPort(), dir));
    }
}
