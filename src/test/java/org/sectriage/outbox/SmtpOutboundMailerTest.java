package org.sectriage.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class SmtpOutboundMailerTest {

    @Test
    void aServerReplyEndingInALineBreakIsDescribedOnOneLine() throws Exception {
        // Postfix's refusal as Angus keeps it: the reply text with its line end
        SendFailedException refused = new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                new InternetAddress("ghost@researcher.example"), "RCPT TO:<ghost@researcher.example>", 550,
                "550 5.1.1 <ghost@researcher.example>: Recipient address rejected: User unknown\n"));

        assertThat(SmtpOutboundMailer.describe(refused)).isEqualTo("Invalid Addresses (SMTPAddressFailedException: "
                + "550 5.1.1 <ghost@researcher.example>: Recipient address rejected: User unknown)");
    }
}
