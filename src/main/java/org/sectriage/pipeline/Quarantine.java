package org.sectriage.pipeline;

import java.sql.Connection;
import org.sectriage.store.InboundStore.InboundRecord;

/** What is done, besides marking it, when a message is quarantined: e.g. telling the maintainers. */
@FunctionalInterface
public interface Quarantine {

    /** Called in the transaction that quarantines {@code message}; must not fail on the message's content. */
    void quarantined(Connection connection, InboundRecord message, String reason) throws Exception;
}
