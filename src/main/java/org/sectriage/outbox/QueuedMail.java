package org.sectriage.outbox;

/** A mail written to the outbox: its row id and the Message-ID fixed for it. */
public record QueuedMail(long id, String messageId) {
}
