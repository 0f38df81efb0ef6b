package org.sectriage.outbox;

/**
 * A mail could not be handed to the mail server. {@link #isPermanent()} is true when the server
 * refused it for good (5xx for every recipient), false when a later attempt may succeed.
 */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
