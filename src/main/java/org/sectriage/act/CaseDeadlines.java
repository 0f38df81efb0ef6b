package org.sectriage.act;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.SecurityCase;
import org.sectriage.sla.CaseTimeline;
import org.sectriage.sla.Deadlines;
import org.sectriage.sla.EscalationRule;
import org.sectriage.sla.SlaCheck;
import org.sectriage.sla.SlaEventType;
import org.sectriage.sla.SlaPolicy;
import org.sectriage.store.DeadlineStore;
import org.sectriage.store.JdbcCaseStore;

/**
 * Keeps each case's stored deadlines, and the instant the SLA clock looks at it next, in step with
 * its event log: called in the transaction of every change to a case.
 */
public final class CaseDeadlines {

    private final SlaPolicy policy;
    private final EscalationRule rule;
    private final DeadlineStore store = new DeadlineStore();

    public CaseDeadlines(SlaPolicy policy, Clock clock) {
        this.policy = policy;
        this.rule = new EscalationRule(policy, clock);
    }

    /**
     * Recomputes and stores the deadlines of case {@code id} at {@code now}, and returns what the SLA
     * clock owes the case now; the next check is set to {@code now} when something is due.
     */
    public SlaCheck update(Connection c, CaseId id, Instant now) throws SQLException {
        SecurityCase sc = new JdbcCaseStore(c).find(id).orElseThrow();
        CaseTimeline timeline = store.timeline(c, id);
        if (!sc.state().isOpen() && !timeline.isClosed()) {
            // A case that ended without a recorded closing (e.g. opened as not-security) is owed nothing.
            timeline = timeline.with(SlaEventType.CLOSED, sc.updatedAt());
        }
        SlaCheck check = rule.check(timeline, now);
        Instant next = check.due().isEmpty() ? check.nextCheck().orElse(null) : now;
        store.save(c, id, Deadlines.compute(timeline, policy), next, now);
        return check;
    }

    public SlaPolicy policy() {
        return policy;
    }
}
