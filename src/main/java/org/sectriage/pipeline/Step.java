package org.sectriage.pipeline;

/**
 * One thing done to an inbound message, such as parsing it or acknowledging it. A step reads and
 * writes the {@link Envelope}; it may {@linkplain Envelope#stop(String) stop} the pipeline. An
 * exception rolls back everything done to the message and sends it to quarantine.
 */
@FunctionalInterface
public interface Step {

    void apply(Envelope envelope) throws Exception;
}
