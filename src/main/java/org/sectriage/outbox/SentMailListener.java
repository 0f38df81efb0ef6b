package org.sectriage.outbox;

import java.sql.Connection;
import java.time.Instant;
import org.sectriage.store.OutboxStore.OutboxRow;

/** What else happens when the server has accepted a mail, in the transaction that marks it sent. */
@FunctionalInterface
public interface SentMailListener {

    void sent(Connection connection, OutboxRow mail, Instant at) throws Exception;
}
