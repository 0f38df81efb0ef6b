package org.sectriage.outbox;

import java.util.List;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.EmailAddress;

/**
 * A mail sectriage is to send, before it is given a Message-ID and written to the outbox.
 *
 * @param purpose what the mail is for ({@code acknowledgement}, {@code maintainer-notification}, …):
 *                recorded with it, and the key of the per-sender acknowledgement limit
 * @param autoSubmitted the RFC 3834 Auto-Submitted value: {@code auto-replied} for answers to
 *                      mail, {@code auto-generated} for mail sectriage starts itself
 */
public record OutgoingMail(CaseId caseId, String purpose, List<EmailAddress> to, EmailAddress replyTo,
                           String subject, String body, String inReplyTo, List<String> references,
                           String autoSubmitted) {

    public static final String AUTO_REPLIED = "auto-replied";
    public static final String AUTO_GENERATED = "auto-generated";

    public OutgoingMail {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("outgoing mail without recipients: " + purpose);
        }
        to = List.copyOf(to);
        references = List.copyOf(references);
    }
}
