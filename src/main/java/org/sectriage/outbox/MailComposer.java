package org.sectriage.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.sectriage.domain.EmailAddress;

/**
 * Turns an {@link OutgoingMail} into the exact bytes that will be sent: From the security address,
 * a fresh Message-ID, threading headers, and the headers that stop other robots from answering
 * (RFC 3834 Auto-Submitted, X-Loop).
 */
public final class MailComposer {

    /** The composed message: its Message-ID and its bytes as they will go on the wire. */
    public record ComposedMail(String messageId, byte[] raw) {
    }

    private static final int MAX_REFERENCES = 10;

    private final EmailAddress from;
    private final String fromName;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public MailComposer(EmailAddress securityAddress, String fromName, Clock clock) {
        this.from = securityAddress;
        this.fromName = fromName;
        this.clock = clock;
    }

    public ComposedMail compose(OutgoingMail mail) {
        if (!mail.encryptTo().isEmpty()) {
            // Never send in plaintext what was meant to go encrypted.
            throw new IllegalStateException("cannot compose " + mail.purpose() + " mail encrypted: OpenPGP/MIME"
                    + " encryption of outgoing mail is not available in this build");
        }
        String messageId = "<sectriage." + UUID.randomUUID() + "@" + from.domain() + ">";
        try {
            MimeMessage msg = new FixedIdMessage(session, messageId);
            msg.setFrom(internet(new EmailAddress(from.address(), fromName)));
            for (EmailAddress to : mail.to()) {
                msg.addRecipient(Message.RecipientType.TO, internet(to));
            }
            if (mail.replyTo() != null) {
                msg.setReplyTo(new InternetAddress[] {internet(mail.replyTo())});
            }
            msg.setSubject(singleLine(mail.subject()), StandardCharsets.UTF_8.name());
            msg.setSentDate(Date.from(clock.instant()));
            if (mail.inReplyTo() != null) {
                msg.setHeader("In-Reply-To", mail.inReplyTo());
            }
            if (!mail.references().isEmpty()) {
                msg.setHeader("References", MimeUtility.fold(12, String.join(" ", trimmed(mail.references()))));
            }
            msg.setHeader("Auto-Submitted", mail.autoSubmitted());
            msg.setHeader("X-Loop", from.normalized());
            msg.setHeader("X-Auto-Response-Suppress", "All");
            if (mail.caseId() != null) {
                msg.setHeader("X-Sectriage-Case", mail.caseId().toString());
            }
            msg.setText(mail.body(), StandardCharsets.UTF_8.name());
            msg.setHeader("Content-Transfer-Encoding", "quoted-printable");
            msg.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            msg.writeTo(out);
            return new ComposedMail(messageId, out.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("cannot compose " + mail.purpose() + " mail: " + e.getMessage(), e);
        }
    }

    /**
     * A long References list cut as RFC 5322 suggests: the first Message-ID (the thread's start)
     * and the most recent ones, so the header stays within what every server accepts.
     */
    static List<String> trimmed(List<String> references) {
        if (references.size() <= MAX_REFERENCES) {
            return references;
        }
        List<String> kept = new java.util.ArrayList<>();
        kept.add(references.get(0));
        kept.addAll(references.subList(references.size() - (MAX_REFERENCES - 1), references.size()));
        return kept;
    }

    private static InternetAddress internet(EmailAddress a) throws UnsupportedEncodingException {
        return new InternetAddress(a.address(), a.displayName(), StandardCharsets.UTF_8.name());
    }

    /** Subjects never carry line breaks or other control characters into a header. */
    private static String singleLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").strip();
    }

    /** A MimeMessage that keeps the Message-ID it was given when its headers are updated. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
