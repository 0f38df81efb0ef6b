package org.sectriage.domain;

/** How a mailbox takes part in a case. */
public enum ParticipantRole {
    /** Wrote the report, or is in its thread on the reporter's side. */
    REPORTER,
    /** A configured maintainer of the project. */
    MAINTAINER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
