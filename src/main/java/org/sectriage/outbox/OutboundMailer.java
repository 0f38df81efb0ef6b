package org.sectriage.outbox;

import java.util.List;

/** Hands finished messages to a mail server. */
public interface OutboundMailer extends AutoCloseable {

    /**
     * Sends {@code raw} exactly as it is to {@code recipients}.
     *
     * @throws DeliveryException saying whether trying again later may succeed
     */
    void send(String envelopeFrom, List<String> recipients, byte[] raw) throws DeliveryException;

    /** Closes any open connection; the next send opens a new one. */
    @Override
    void close();
}
