package org.sectriage.outbox;

import java.util.List;

/** Hands finished messages to a mail server. */
public interface OutboundMailer extends AutoCloseable {

    /**
     * Sends {@code raw} exactly as it is to {@code recipients}.
     *
     * @return the recipients the server refused while it accepted the mail for the others, each with the
     *         server's answer and whether it may take the mail for them later; empty when it took the mail
     *         for everyone
     * @throws DeliveryException when the mail went to no one, saying whether trying again may succeed
     */
    List<Refusal> send(String envelopeFrom, List<String> recipients, byte[] raw) throws DeliveryException;

    /** Closes any open connection; the next send opens a new one. */
    @Override
    void close();
}
