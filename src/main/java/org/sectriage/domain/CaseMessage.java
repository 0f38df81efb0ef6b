package org.sectriage.domain;

import java.time.Instant;

/**
 * One message in a case's thread, either way: a report or reply that came in, or mail sectriage
 * sent. Holds headers only; the raw bytes stay in the store.
 */
public record CaseMessage(CaseId caseId, Direction direction, String messageId, String sender,
                          String recipients, String subject, String kind, Instant at,
                          Long inboundId, Long outboxId) {

    /** Which way a message went. */
    public enum Direction { IN, OUT }
}
