package org.sectriage.act;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseState;
import org.sectriage.outbox.SentMailListener;
import org.sectriage.store.JdbcCaseStore;
import org.sectriage.store.OutboxStore.OutboxRow;

/**
 * Moves a new case to acknowledged when its acknowledgement has been accepted by the mail server,
 * not when it was merely queued: "acknowledged" means the reporter was answered.
 */
public final class MarkAcknowledged implements SentMailListener {

    private final CaseDeadlines deadlines;

    /** @param deadlines recomputed when the acknowledgement is sent, which meets its deadline */
    public MarkAcknowledged(CaseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void sent(Connection connection, OutboxRow mail, Instant at) throws SQLException {
        if (!Acknowledge.PURPOSE.equals(mail.purpose()) || mail.caseId() == null) {
            return;
        }
        JdbcCaseStore cases = new JdbcCaseStore(connection);
        CaseId id = CaseId.parse(mail.caseId());
        cases.find(id).filter(c -> c.state() == CaseState.NEW)
                .ifPresent(c -> cases.updateState(id, CaseState.ACKNOWLEDGED, at));
        deadlines.update(connection, id, at);
    }
}
