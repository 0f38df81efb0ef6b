package org.sectriage.outbox;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due in the outbox, one mail at a time, and records the outcome: sent, retried later
 * with exponential backoff, or failed for good once the server refuses it permanently or the
 * give-up time has passed. A mail is marked sent only after the server accepted it, so a crash in
 * between sends it again (with the same Message-ID) rather than losing it.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 100;

    private final Database db;
    private final OutboxStore store;
    private final OutboundMailer mailer;
    private final SectriageConfig.Outbox policy;
    private final Clock clock;

    public OutboxSender(Database db, OutboxStore store, OutboundMailer mailer, SectriageConfig.Outbox policy,
                        Clock clock) {
        this.db = db;
        this.store = store;
        this.mailer = mailer;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Sends everything that is due now; stops at the first failure to reach the server, since the
     * rest would fail the same way.
     *
     * @return how many mails were sent
     */
    public synchronized int sendDue() {
        int sent = 0;
        try {
            while (true) {
                List<OutboxRow> due = db.inTransaction(c -> store.due(c, clock.instant(), BATCH));
                if (due.isEmpty()) {
                    return sent;
                }
                for (OutboxRow row : due) {
                    if (!sendOne(row)) {
                        return sent;
                    }
                    sent++;
                }
            }
        } finally {
            mailer.close();
        }
    }

    /** Sends one row; returns false when the server could not be reached. */
    private boolean sendOne(OutboxRow row) {
        byte[] raw = db.inTransaction(c -> store.raw(c, row.id()));
        try {
            mailer.send(row.envelopeFrom(), row.recipients(), raw);
            Instant now = clock.instant();
            db.run(c -> {
                store.markSent(c, row.id(), now);
                if (row.caseId() != null) {
                    new JdbcCaseStore(c).addEvent(new CaseEvent(CaseId.parse(row.caseId()), now, CaseEvent.SYSTEM,
                            row.purpose() + "-sent", "to " + String.join(", ", row.recipients())));
                }
            });
            LOG.info("sent {} {} for {}", row.purpose(), row.messageId(), caseLabel(row));
            return true;
        } catch (DeliveryException e) {
            Instant now = clock.instant();
            boolean giveUp = e.isPermanent() || now.isAfter(row.createdAt().plus(policy.giveUpAfter()));
            if (giveUp) {
                db.run(c -> {
                    store.markFailed(c, row.id(), e.getMessage());
                    if (row.caseId() != null) {
                        new JdbcCaseStore(c).addEvent(new CaseEvent(CaseId.parse(row.caseId()), now,
                                CaseEvent.SYSTEM, row.purpose() + "-failed", e.getMessage()));
                    }
                });
                LOG.error("gave up sending {} {} for {} after {} attempts: {}", row.purpose(), row.messageId(),
                        caseLabel(row), row.attempts() + 1, e.getMessage());
                return true;
            }
            Instant next = now.plus(backoff(row.attempts()));
            db.run(c -> store.markRetry(c, row.id(), next, e.getMessage()));
            LOG.warn("could not send {} {} for {} (attempt {}), next try at {}: {}", row.purpose(), row.messageId(),
                    caseLabel(row), row.attempts() + 1, next, e.getMessage());
            return false;
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
