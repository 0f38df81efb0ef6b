package org.sectriage.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.EmailAddress;
import org.sectriage.store.JdbcCaseStore;
import org.sectriage.store.OutboxStore;

/**
 * The way every mail leaves sectriage: composed, given its Message-ID, and written to the outbox in
 * the caller's transaction, so that it is sent if and only if the change that caused it commits.
 */
public final class Outbox {

    private final MailComposer composer;
    private final OutboxStore store;
    private final EmailAddress envelopeFrom;
    private final Clock clock;

    public Outbox(MailComposer composer, OutboxStore store, EmailAddress envelopeFrom, Clock clock) {
        this.composer = composer;
        this.store = store;
        this.envelopeFrom = envelopeFrom;
        this.clock = clock;
    }

    /** Queues {@code mail} in the transaction of {@code connection} and records it in its case's thread. */
    public QueuedMail enqueue(Connection connection, OutgoingMail mail) throws SQLException {
        return enqueue(connection, mail, clock.instant());
    }

    private QueuedMail enqueue(Connection connection, OutgoingMail mail, Instant now) throws SQLException {
        MailComposer.ComposedMail composed = composer.compose(mail);
        long id = store.insert(connection, mail.caseId() == null ? null : mail.caseId().toString(), mail.purpose(),
                composed.messageId(), envelopeFrom.address(),
                mail.to().stream().map(EmailAddress::address).toList(), composed.raw(), now);
        if (mail.caseId() != null) {
            new JdbcCaseStore(connection).addMessage(new CaseMessage(mail.caseId(), CaseMessage.Direction.OUT,
                    composed.messageId(), envelopeFrom.address(),
                    String.join(", ", mail.to().stream().map(EmailAddress::address).toList()), mail.subject(),
                    mail.purpose(), now, null, id));
        }
        return new QueuedMail(id, composed.messageId());
    }

    /**
     * Queues {@code mail}, an automatic answer, as {@link #enqueue} does, and counts it for
     * {@link #countAutomaticAnswersSince}.
     */
    public QueuedMail enqueueAutomaticAnswer(Connection connection, OutgoingMail mail) throws SQLException {
        Instant now = clock.instant();
        QueuedMail queued = enqueue(connection, mail, now);
        store.countAutomaticAnswer(connection, mail.purpose(), now);
        return queued;
    }

    /**
     * How many automatic answers of this purpose were queued, to anyone, since {@code since}, counted up to
     * {@code atMost}.
     */
    public int countAutomaticAnswersSince(Connection connection, String purpose, Instant since, int atMost)
            throws SQLException {
        return store.countAutomaticAnswersSince(connection, purpose, since, atMost);
    }

    /** How many mails of this purpose were queued to {@code recipient} since {@code since}, up to {@code atMost}. */
    public int countSince(Connection connection, String purpose, EmailAddress recipient, Instant since, int atMost)
            throws SQLException {
        return store.countSince(connection, purpose, recipient.normalized(), since, atMost);
    }
}
