package org.sectriage.pipeline;

/**
 * Thrown by a step running {@linkplain Pipeline.Builder#ahead ahead} of the transaction when the message
 * must instead go through all its steps in its transaction: say, it needs more memory than a step may
 * take on the pool. It is not a failure; nothing is quarantined.
 */
public final class RunInTransaction extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunInTransaction(String why) {
        super(why, null, false, false);
    }
}
