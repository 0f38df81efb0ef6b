package org.sectriage.domain;

/** A mailbox that takes part in a case, and in which role. */
public record Participant(EmailAddress address, ParticipantRole role) {
}
