package org.sectriage.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sectriage.domain.EmailAddress;

/**
 * What sectriage read out of one inbound message: the headers it acts on, the best plain text of the
 * body (bounded), the attachments' names, and every limit or defect met while parsing. Parsing never
 * fails: a broken message yields what could be read plus its {@link #problems()}.
 */
public record ParsedMessage(
        /** Message-ID with angle brackets, e.g. {@code <abc@example.org>}; null when absent. */
        String messageId,
        /** Message-IDs from In-Reply-To, with angle brackets. */
        List<String> inReplyTo,
        /** Message-IDs from References, with angle brackets, oldest first. */
        List<String> references,
        EmailAddress from,
        List<EmailAddress> replyTo,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        /** Decoded subject, control characters removed; empty when absent. */
        String subject,
        Instant date,
        /** The headers the pipeline's rules read (names in lower case), each value unfolded and decoded. */
        HeaderSet headers,
        /** Top-level MIME type in lower case, e.g. {@code multipart/mixed}. */
        String mimeType,
        /** The best plain-text rendering of the body: the first text/plain part, else text from HTML; bounded. */
        String bodyText,
        boolean bodyTruncated,
        /**
         * The text of the text/plain files attached ("see the attached report.txt") and of a mail forwarded as an
         * attachment (its sender, subject and text), one after the other, bounded like the body; read with the body,
         * never taken for it; empty when there are none.
         */
        String attachedText,
        List<AttachmentInfo> attachments,
        /** One entry per limit exceeded or defect met, in words, e.g. "MIME nesting deeper than 50 levels". */
        List<String> problems,
        /**
         * The Message-IDs of the messages a delivery report returns (its message/rfc822 parts, or, in a report without
         * MIME parts as qmail sends it, the header block of the copy in its text); mostly empty.
         */
        List<String> returnedMessageIds) {

    /**
     * The subject, the body text and the {@link #attachedText}, one after the other: what classification and
     * duplicate search read.
     */
    public String subjectAndText() {
        String body = subject + "\n" + (bodyText == null ? "" : bodyText);
        return attachedText == null || attachedText.isEmpty() ? body : body + "\n\n" + attachedText;
    }

    /** The address replies go to: the first Reply-To, else From; empty when the message has neither. */
    public Optional<EmailAddress> replyAddress() {
        if (!replyTo.isEmpty()) {
            return Optional.of(replyTo.get(0));
        }
        return Optional.ofNullable(from);
    }

    /**
     * Whether the message came through the mailing list that is {@code listAddress} (security@ run as a Google Group
     * or a Mailman list, this mailbox subscribed to it): its List-Post or List-Id names that address. Such a list
     * marks every report it relays as list mail, and may write its own address into From.
     */
    public boolean relayedByListOf(String listAddress) {
        String own = listAddress.strip().toLowerCase(Locale.ROOT);
        if (own.isEmpty()) {
            return false;
        }
        boolean posted = headers.all("list-post").stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("<mailto:" + own + ">"));
        boolean named = headers.all("list-id").stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("<" + own.replace('@', '.') + ">"));
        return posted || named;
    }

    /** This message with {@code sender} as its From. */
    public ParsedMessage withFrom(EmailAddress sender) {
        return new ParsedMessage(messageId, inReplyTo, references, sender, replyTo, to, cc, subject, date, headers,
                mimeType, bodyText, bodyTruncated, attachedText, attachments, problems, returnedMessageIds);
    }

    /** This message with {@code more} problems after its own, as decryption met them. */
    public ParsedMessage withProblems(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(more);
        return new ParsedMessage(messageId, inReplyTo, references, from, replyTo, to, cc, subject, date, headers,
                mimeType, bodyText, bodyTruncated, attachedText, attachments, List.copyOf(all), returnedMessageIds);
    }

    /** True when any limit was exceeded or any defect met. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
