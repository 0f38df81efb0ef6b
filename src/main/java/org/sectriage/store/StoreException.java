package org.sectriage.store;

/** A database operation failed; the transaction it was part of was rolled back. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
