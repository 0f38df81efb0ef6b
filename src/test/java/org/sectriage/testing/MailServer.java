package org.sectriage.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** A GreenMail server seen from the outside: mail is sent to it by SMTP, read back from what it received. */
public final class MailServer {

    private final GreenMailExtension greenMail;

    public MailServer(GreenMailExtension greenMail) {
        this.greenMail = greenMail;
    }

    /** Sends {@code message} by SMTP to the security address, as a reporter's client would. */
    public void sendToSecurity(MimeMessage message) {
        send(message, TestConfig.SECURITY);
    }

    public void send(MimeMessage message, String recipient) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        p.put("mail.smtp.connectiontimeout", "5000");
        // GreenMail answers DATA only after parsing the whole message: seconds for 2,000 nested parts on a busy machine
        p.put("mail.smtp.timeout", "30000");
        try (Transport t = Session.getInstance(p).getTransport("smtp")) {
            t.connect();
            t.sendMessage(message, new Address[] {new InternetAddress(recipient)});
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot send test mail: " + e.getMessage(), e);
        }
    }

    /**
     * Everything sectriage sent to {@code address} (recognised by its X-Sectriage-Case header), one
     * entry per Message-ID although the server holds a copy per recipient.
     */
    public List<MimeMessage> sentBySectriageTo(String address) {
        return distinct(greenMail.getReceivedMessages()).stream()
                .filter(m -> TestMail.header(m, "X-Sectriage-Case") != null && TestMail.isTo(m, address))
                .toList();
    }

    /** One message per Message-ID, in the order received. */
    public static List<MimeMessage> distinct(MimeMessage[] received) {
        java.util.Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
        for (MimeMessage m : received) {
            byId.putIfAbsent(TestMail.header(m, "Message-ID"), m);
        }
        return List.copyOf(byId.values());
    }

    /**
     * Acknowledgements (Auto-Submitted: auto-replied) sent to {@code address}, each copy the server took
     * in: one sent twice, even with the same Message-ID, is here twice.
     */
    public List<MimeMessage> acknowledgementsTo(String address) {
        return deliveredBySectriageTo(address).stream()
                .filter(m -> "auto-replied".equals(TestMail.header(m, "Auto-Submitted")))
                .toList();
    }

    /**
     * What sectriage sent that is in {@code address}'s mailbox on the server: every copy delivered there, so
     * that a mail sent twice, even with the same Message-ID, is here twice.
     */
    public List<MimeMessage> deliveredBySectriageTo(String address) {
        com.icegreen.greenmail.user.GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage)
                    .filter(m -> TestMail.header(m, "X-Sectriage-Case") != null)
                    .toList();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + ": " + e.getMessage(), e);
        }
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
