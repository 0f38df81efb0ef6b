package org.sectriage.ingest;

/** The mailbox could not be reached or did not do what was asked; the daemon reconnects and retries. */
public final class MailboxException extends Exception {
    private static final long serialVersionUID = 1L;

    public MailboxException(String message, Throwable cause) {
        super(message, cause);
    }

    public MailboxException(String message) {
        super(message);
    }
}
