package org.sectriage.outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.store.Database;
import org.sectriage.store.JdbcCaseStore;
import org.sectriage.store.OutboxStore;
import org.sectriage.store.OutboxStore.OutboxRow;
import org.sectriage.store.SentJournal;
import org.sectriage.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due in the outbox, one mail at a time, and records the outcome: sent (perhaps with
 * some recipients refused), retried later with exponential backoff, or failed when the server
 * refuses every recipient for good. A mail is never dropped for being old: one still unsent after
 * {@code report-undelivered-after} is reported once, loudly, and tried on. A mail is marked sent
 * only after the server accepted it, so a crash in between sends it again (with the same
 * Message-ID) rather than losing it.
 *
 * <p>What the server accepted goes first to the outbox's {@link SentJournal}, a line appended to a
 * file, and into the database for up to {@value #RECORD_EVERY} mails at a time, in one transaction:
 * a commit per mail cost more than the rest of sending it. The journal is recorded before each look
 * at what is due, so a mail it holds, a crash's leftover among them, is never sent again.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 100;
    /** How many journaled mails are recorded in the database in one transaction at most. */
    static final int RECORD_EVERY = 32;
    /**
     * How long a journaled mail waits at most for its record, when more are being sent: what else reads
     * the outbox (the SLA clock, which counts a case acknowledged once its answer is recorded sent) sees
     * it that late at worst.
     */
    static final Duration RECORD_WITHIN = Duration.ofSeconds(1);

    private final Database db;
    private final OutboxStore store;
    private final OutboundMailer mailer;
    private final SectriageConfig.Outbox policy;
    private final Clock clock;
    private final SentMailListener onSent;
    private final SentJournal journal;
    /** How many mails were journaled since the journal was last recorded. */
    private int journaled;
    /** When the first of them was, by {@link System#nanoTime()}. */
    private long firstJournaledAt;
    private volatile boolean stopping;

    public OutboxSender(Database db, OutboxStore store, OutboundMailer mailer, SectriageConfig.Outbox policy,
                        Clock clock, SentMailListener onSent, SentJournal journal) {
        this.db = db;
        this.store = store;
        this.mailer = mailer;
        this.policy = policy;
        this.clock = clock;
        this.onSent = onSent;
        this.journal = journal;
    }

    /**
     * Sends everything that is due now; stops at the first failure to reach the server, since the
     * rest would fail the same way, and when {@link #stop()} is called.
     *
     * @return how many mails were sent
     */
    public synchronized int sendDue() {
        int sent = 0;
        try {
            recordJournal();
            while (!stopping) {
                List<OutboxRow> due = db.inTransaction(c -> store.due(c, clock.instant(), BATCH));
                if (due.isEmpty()) {
                    return sent;
                }
                for (OutboxRow row : due) {
                    if (stopping || !sendOne(row)) {
                        return sent;
                    }
                    sent++;
                    if (journaled >= RECORD_EVERY
                            || journaled > 0 && System.nanoTime() - firstJournaledAt >= RECORD_WITHIN.toNanos()) {
                        recordJournal();
                    }
                }
                recordJournal();
            }
            return sent;
        } finally {
            try {
                recordJournal();
            } catch (RuntimeException e) {
                LOG.warn("could not record the mails sent in the database; they will be before anything is sent"
                        + " again: {}", e.getMessage());
            } finally {
                mailer.close();
            }
        }
    }

    /**
     * Records in the database what the journal holds, as {@link #sendDue()} does before it sends anything;
     * the daemon calls it when it starts, before its timers, so that nothing reads a mail a crash left in
     * the journal as unsent.
     */
    public synchronized void recordSent() {
        recordJournal();
    }

    /**
     * Records in the database, in one transaction, the mails the journal holds, then empties it. A mail
     * already recorded (the journal was not emptied after its transaction) is left as it is, and so is a row
     * whose Message-ID is not the line's.
     *
     * @throws StoreException when the journal cannot be read or the database written: nothing may be sent
     *         then, since the journal's mails would look unsent
     */
    private void recordJournal() {
        List<SentJournal.Entry> entries;
        try {
            entries = journal.entries();
        } catch (IOException e) {
            throw new StoreException("cannot read the outbox's journal: " + e.getMessage(), e);
        }
        int recorded = entries.isEmpty() ? 0 : db.inTransaction(c -> {
            int n = 0;
            for (SentJournal.Entry entry : entries) {
                java.util.Optional<OutboxRow> row = store.find(c, entry.id());
                if (row.isPresent() && OutboxStore.PENDING.equals(row.get().status())
                        && row.get().messageId().equals(entry.messageId())) {
                    markSentAlone(c, row.get(), entry.sentAt(), entry.refused(), entry.deferred());
                    n++;
                }
            }
            return n;
        });
        if (entries.size() > journaled) {
            LOG.info("recorded {} mail(s) the server had accepted before, from the outbox's journal", recorded);
        }
        journaled = 0;
        try {
            journal.clear(); // also of a line that could not be read, which would otherwise stay for good
        } catch (IOException e) {
            LOG.warn("could not empty the outbox's journal (what it holds is recorded already): {}", e.getMessage());
        }
    }

    /**
     * {@link #markSent} of one journaled mail, in a savepoint of its own: when what else a sent mail causes
     * fails for it (its case's event, its deadlines), the mail is still marked sent, so that it is not sent
     * again, and the failure is reported instead of holding up the other mails and all sending after them.
     */
    private void markSentAlone(java.sql.Connection c, OutboxRow row, Instant at, String refused,
                               List<String> deferred) throws Exception {
        java.sql.Savepoint before = c.setSavepoint();
        try {
            markSent(c, row, at, refused, deferred);
            c.releaseSavepoint(before);
        } catch (Exception e) {
            c.rollback(before);
            store.markSent(c, row.id(), at, refused);
            queueAgainForDeferred(c, row, at, deferred);
            LOG.error("{} {} for {} was sent, and is recorded so, but what follows from it failed: {}", row.purpose(),
                    row.messageId(), caseLabel(row), e.getMessage(), e);
        }
    }

    /** Journals {@code row} as sent; false when it must be recorded in the database at once instead. */
    private boolean journaled(OutboxRow row, Instant at, String refused, List<String> deferred) {
        if (!journal.durable()) {
            return false;
        }
        try {
            journal.append(new SentJournal.Entry(row.id(), row.messageId(), at, refused, deferred));
            if (journaled++ == 0) {
                firstJournaledAt = System.nanoTime();
            }
            return true;
        } catch (IOException e) {
            LOG.warn("could not write the outbox's journal, so {} is recorded in the database at once: {}",
                    row.messageId(), e.getMessage());
            return false;
        }
    }

    /**
     * Marks {@code row} sent at {@code at}, in its case's events too, with what else a sent mail causes, and
     * queues it again for the {@code deferred} recipients.
     */
    private void markSent(java.sql.Connection c, OutboxRow row, Instant at, String refused, List<String> deferred)
            throws Exception {
        store.markSent(c, row.id(), at, refused);
        record(c, row, at, row.purpose() + "-sent", "to " + String.join(", ", row.recipients())
                + (refused == null ? "" : "; refused by the server for " + refused)
                + (deferred.isEmpty() ? "" : "; to be tried again for " + String.join(", ", deferred)));
        queueAgainForDeferred(c, row, at, deferred);
        onSent.sent(c, row, at);
    }

    /** Queues {@code row}'s mail again for the recipients the server deferred, after the first retry's wait. */
    private void queueAgainForDeferred(java.sql.Connection c, OutboxRow row, Instant at, List<String> deferred)
            throws java.sql.SQLException {
        if (!deferred.isEmpty()) {
            store.queueAgainFor(c, row.id(), deferred, at.plus(backoff(0)));
        }
    }

    /** Makes a running {@link #sendDue()} return after the mail in hand. */
    public void stop() {
        stopping = true;
    }

    /** Sends one row; returns false when the server could not take mail now. */
    private boolean sendOne(OutboxRow row) {
        byte[] raw = db.inTransaction(c -> store.raw(c, row.id()));
        try {
            List<Refusal> refused = mailer.send(row.envelopeFrom(), row.recipients(), raw);
            Instant now = clock.instant();
            String refusedText = refused.isEmpty() ? null
                    : String.join(", ", refused.stream().map(Refusal::toString).toList());
            List<String> deferred = refused.stream().filter(Refusal::temporary).map(Refusal::address).toList();
            if (!journaled(row, now, refusedText, deferred)) {
                db.run(c -> markSent(c, row, now, refusedText, deferred));
            }
            if (refusedText == null) {
                LOG.info("sent {} {} for {}", row.purpose(), row.messageId(), caseLabel(row));
            } else if (deferred.isEmpty()) {
                LOG.warn("sent {} {} for {}, but the server refused {} recipient(s)", row.purpose(), row.messageId(),
                        caseLabel(row), refused.size());
            } else {
                LOG.warn("sent {} {} for {}, but the server refused {} recipient(s), {} of them for now: the mail"
                        + " is queued again for those", row.purpose(), row.messageId(), caseLabel(row), refused.size(),
                        deferred.size());
            }
            return true;
        } catch (DeliveryException e) {
            Instant now = clock.instant();
            if (e.isPermanent()) {
                db.run(c -> {
                    store.markFailed(c, row.id(), e.getMessage());
                    record(c, row, now, row.purpose() + "-failed", e.getMessage());
                });
                LOG.error("{} {} for {} was refused for good after {} attempt(s): {}", row.purpose(), row.messageId(),
                        caseLabel(row), row.attempts() + 1, e.getMessage());
                return true;
            }
            Instant next = now.plus(backoff(row.attempts()));
            boolean overdue = !row.overdueReported()
                    && now.isAfter(row.createdAt().plus(policy.reportUndeliveredAfter()));
            db.run(c -> {
                store.markRetry(c, row.id(), next, e.getMessage());
                if (overdue) {
                    store.markOverdueReported(c, row.id());
                    record(c, row, now, row.purpose() + "-overdue", "still not sent after "
                            + java.time.Duration.between(row.createdAt(), now).toMinutes() + " minutes; retrying: "
                            + e.getMessage());
                }
            });
            if (overdue) {
                LOG.error("{} {} for {} is still not sent, {} attempts since {}; still retrying: {}", row.purpose(),
                        row.messageId(), caseLabel(row), row.attempts() + 1, row.createdAt(), e.getMessage());
            } else {
                LOG.warn("could not send {} {} for {} (attempt {}), next try at {}: {}", row.purpose(),
                        row.messageId(), caseLabel(row), row.attempts() + 1, next, e.getMessage());
            }
            return false;
        }
    }

    private static void record(java.sql.Connection c, OutboxRow row, Instant at, String type, String detail) {
        if (row.caseId() != null) {
            new JdbcCaseStore(c).addEvent(new CaseEvent(CaseId.parse(row.caseId()), at, CaseEvent.SYSTEM, type,
                    detail));
        }
    }

    /** Exponential backoff from retry-initial, doubling per attempt, capped at retry-max, with 10% jitter. */
    Duration backoff(int attemptsSoFar) {
        Duration d = policy.retryInitial();
        for (int i = 0; i < attemptsSoFar && d.compareTo(policy.retryMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        if (d.compareTo(policy.retryMax()) > 0) {
            d = policy.retryMax();
        }
        long jitter = d.toMillis() / 10;
        return jitter > 0 ? d.plusMillis(ThreadLocalRandom.current().nextLong(jitter + 1)) : d;
    }

    private static String caseLabel(OutboxRow row) {
        return row.caseId() == null ? "no case" : row.caseId();
    }
}
