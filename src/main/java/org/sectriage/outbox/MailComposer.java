package org.sectriage.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.bouncycastle.openpgp.PGPException;
import org.sectriage.crypto.MessageSigner;
import org.sectriage.crypto.NoEncryptionKeyException;
import org.sectriage.crypto.NoSigningKeyException;
import org.sectriage.crypto.SecretKeySet;
import org.sectriage.crypto.WrongPassphraseException;
import org.sectriage.domain.EmailAddress;

/**
 * Turns an {@link OutgoingMail} into the exact bytes that will be sent: From the security address,
 * a fresh Message-ID, threading headers, and the headers that stop other robots from answering
 * (RFC 3834 Auto-Submitted, X-Loop).
 *
 * <p>With signing keys, the body is sent as RFC 3156 PGP/MIME multipart/signed: a quoted-printable text part,
 * signed as it stands on the wire, and its detached signature. When the mail names keys in
 * {@link OutgoingMail#encryptTo()}, that body (signed or not) is encrypted to every one of them as
 * multipart/encrypted. Either way every header above stays on the outer message, in the clear. The Subject in
 * particular is never hidden or replaced: it carries the case tag that threads replies, so it must say nothing
 * the report should keep private.
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
    private final MessageSigner signer;
    private final PgpMime pgpMime = new PgpMime(new SecureRandom());

    /** A composer that neither signs nor encrypts, except mail that names keys to encrypt to. */
    public MailComposer(EmailAddress securityAddress, String fromName, Clock clock) {
        this(securityAddress, fromName, clock, (MessageSigner) null);
    }

    /**
     * A composer that signs every mail with the signing key of the first ring of {@code signingKeys}, unlocked
     * here; null or an empty set: mail is not signed.
     *
     * @throws NoSigningKeyException when the first ring has no signing key usable now
     * @throws WrongPassphraseException when its passphrase does not unlock the signing key
     */
    public MailComposer(EmailAddress securityAddress, String fromName, Clock clock, SecretKeySet signingKeys)
            throws NoSigningKeyException, WrongPassphraseException {
        this(securityAddress, fromName, clock, signingKeys == null || signingKeys.rings().isEmpty()
                ? null : new MessageSigner(signingKeys, clock));
    }

    private MailComposer(EmailAddress securityAddress, String fromName, Clock clock, MessageSigner signer) {
        this.from = securityAddress;
        this.fromName = fromName;
        this.clock = clock;
        this.signer = signer;
    }

    /**
     * The mail as it will be sent, with a new Message-ID.
     *
     * @throws UnencryptableMailException when a key in {@code mail.encryptTo()} has no usable encryption key
     * @throws IllegalArgumentException when the mail cannot be composed for another reason
     */
    public ComposedMail compose(OutgoingMail mail) {
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
            return new ComposedMail(messageId, withBody(msg, messageId, body(mail)));
        } catch (NoEncryptionKeyException e) {
            throw new UnencryptableMailException(mail.purpose(), e.fingerprint(), e);
        } catch (MessagingException | UnsupportedEncodingException | PGPException e) {
            throw new IllegalArgumentException("cannot compose " + mail.purpose() + " mail: " + e.getMessage(), e);
        }
    }

    /**
     * The body of {@code mail}: quoted-printable text, as PGP/MIME signed if this composer signs, then encrypted
     * if the mail asks. Written here rather than by {@code MimeMessage.writeTo}, which looks its stream provider
     * up through the ServiceLoader on every call (a third of composing a mail).
     */
    private MimeEntity body(OutgoingMail mail) throws PGPException, NoEncryptionKeyException {
        MimeEntity body = MimeEntity.text(mail.body());
        if (signer != null) {
            body = pgpMime.signed(body, signer);
        }
        if (!mail.encryptTo().isEmpty()) {
            body = pgpMime.encrypted(body, mail.encryptTo());
        }
        return body;
    }

    /** The bytes of {@code msg}'s headers (without a body of its own) followed by {@code body}'s headers and body. */
    private static byte[] withBody(MimeMessage msg, String messageId, MimeEntity body) throws MessagingException {
        msg.setHeader("Message-ID", messageId);
        msg.setHeader("MIME-Version", "1.0");
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.body().length + 2048);
        Enumeration<String> lines = msg.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            // ASCII but for an internationalized address (RFC 6532), which stays UTF-8 as its reporter wrote it
            out.writeBytes(lines.nextElement().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes(body.bytes());
        return out.toByteArray();
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
