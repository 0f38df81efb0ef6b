package org.sectriage.outbox;

import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;

/**
 * A mail sectriage is to send, before it is given a Message-ID and written to the outbox.
 *
 * @param purpose what the mail is for ({@code acknowledgement}, {@code maintainer-notification}, …):
 *                recorded with it, and the key of the per-sender acknowledgement limit
 * @param autoSubmitted the RFC 3834 Auto-Submitted value: {@code auto-replied} for answers to
 *                      mail, {@code auto-generated} for mail sectriage starts itself
 * @param encryptTo     the OpenPGP keys the mail is encrypted to (PGP/MIME), one at least per recipient;
 *                      empty: the mail is sent in plaintext
 */
public record OutgoingMail(CaseId caseId, String purpose, List<EmailAddress> to, EmailAddress replyTo,
                           String subject, String body, String inReplyTo, List<String> references,
                           String autoSubmitted, List<PGPPublicKeyRing> encryptTo) {

    public static final String AUTO_REPLIED = "auto-replied";
    public static final String AUTO_GENERATED = "auto-generated";

    public OutgoingMail {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("outgoing mail without recipients: " + purpose);
        }
        to = List.copyOf(to);
        references = List.copyOf(references);
        encryptTo = List.copyOf(encryptTo);
    }

    /** A mail sent in plaintext. */
    public OutgoingMail(CaseId caseId, String purpose, List<EmailAddress> to, EmailAddress replyTo, String subject,
                        String body, String inReplyTo, List<String> references, String autoSubmitted) {
        this(caseId, purpose, to, replyTo, subject, body, inReplyTo, references, autoSubmitted, List.of());
    }

    /** This mail encrypted to {@code keys}. */
    public OutgoingMail encryptedTo(List<PGPPublicKeyRing> keys) {
        return new OutgoingMail(caseId, purpose, to, replyTo, subject, body, inReplyTo, references, autoSubmitted, keys);
    }
}
