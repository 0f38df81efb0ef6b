package org.sectriage.act;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sectriage.domain.CaseId;
import org.sectriage.store.Database;
import org.sectriage.store.DeadlineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One tick of the SLA clock: sends what is owed on every case whose next check has come, each case in
 * a transaction of its own. It reads only those cases (by an index on their next check), so a tick
 * costs time in proportion to the cases that are due, not to all cases. A daemon that was down for
 * days finds each overdue case once and sends what it owes once: the reminder at the deadline, one
 * escalation per silence period.
 */
public final class CheckDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(CheckDeadlines.class);
    private static final int BATCH = 200;
    /** How long a case whose check failed waits before it is checked again. */
    private static final Duration AFTER_FAILURE = Duration.ofMinutes(5);

    private final Database db;
    private final SendDeadlineNotices notices;
    private final Clock clock;
    private final Runnable afterNotices;
    private final DeadlineStore store = new DeadlineStore();

    /** @param afterNotices called when notices were queued, e.g. to have the outbox sent at once */
    public CheckDeadlines(Database db, SendDeadlineNotices notices, Clock clock, Runnable afterNotices) {
        this.db = db;
        this.notices = notices;
        this.clock = clock;
        this.afterNotices = afterNotices;
    }

    /** Checks every case that is due now; returns how many notices were queued. */
    public int checkDue() {
        Instant now = clock.instant();
        Set<CaseId> seen = new HashSet<>();
        int sent = 0;
        while (true) {
            List<CaseId> due = db.inTransaction(c -> store.dueForCheck(c, now, BATCH));
            due.removeIf(id -> !seen.add(id));
            if (due.isEmpty()) {
                break;
            }
            for (CaseId id : due) {
                MDC.put("case", id.toString());
                try {
                    sent += db.inTransaction(c -> notices.send(c, id, now));
                } catch (RuntimeException e) {
                    LOG.error("checking the deadlines of {} failed, trying again in {}: {}", id, AFTER_FAILURE,
                            e.toString());
                    db.run(c -> store.postpone(c, id, now.plus(AFTER_FAILURE)));
                } finally {
                    MDC.remove("case");
                }
            }
        }
        if (sent > 0) {
            LOG.info("{} deadline notice(s) queued", sent);
            afterNotices.run();
        }
        return sent;
    }
}
