package org.sectriage.act;

import java.sql.Connection;
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

    @Override
    public void sent(Connection connection, OutboxRow mail, Instant at) {
        if (!Acknowledge.PURPOSE.equals(mail.purpose()) || mail.caseId() == null) {
            return;
        }
        JdbcCaseStore cases = new JdbcCaseStore(connection);
        CaseId id = CaseId.parse(mail.caseId());
        cases.find(id).filter(c -> c.state() == CaseState.NEW)
                .ifPresent(c -> cases.updateState(id, CaseState.ACKNOWLEDGED, at));
    }
}
