package org.sectriage.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sectriage.store.Database;
import org.sectriage.store.InboundStore;
import org.sectriage.store.InboundStore.InboundRecord;
import org.sectriage.store.InboundStore.Status;
import org.sectriage.store.JdbcCaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs stored inbound messages through the {@link Pipeline}, each in one transaction together with
 * the record of its outcome, so a message is processed exactly once even across crashes. A message
 * on which a step fails is rolled back and quarantined with the reason; it never blocks the ones
 * after it and is never retried in a loop.
 */
public final class PipelineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    private static final int BATCH = 500;
    /** Starts of the pipeline on one message after which it is quarantined rather than tried again. */
    static final int MAX_ATTEMPTS = 3;

    private final Pipeline pipeline;
    private final Database db;
    private final InboundStore inbound;
    private final Clock clock;
    private final Runnable afterBatch;
    private final Quarantine quarantine;

    /**
     * @param afterBatch called after each committed batch of messages, e.g. to have the outbox
     *                   sent at once rather than at its next tick
     */
    public PipelineRunner(Pipeline pipeline, Database db, InboundStore inbound, Clock clock, Runnable afterBatch,
                          Quarantine quarantine) {
        this.pipeline = pipeline;
        this.db = db;
        this.inbound = inbound;
        this.clock = clock;
        this.afterBatch = afterBatch;
        this.quarantine = quarantine;
    }

    /** Processes every message that is stored but not yet processed, oldest first, while {@code keepGoing}. */
    public int processPending(BooleanSupplier keepGoing) {
        int done = 0;
        while (keepGoing.getAsBoolean()) {
            List<Long> ids = db.inTransaction(c -> inbound.pending(c, BATCH));
            if (ids.isEmpty()) {
                return done;
            }
            for (long id : ids) {
                if (!keepGoing.getAsBoolean()) {
                    break;
                }
                process(id);
                done++;
            }
            afterBatch.run();
        }
        return done;
    }

    /**
     * Processes one stored message; on failure, quarantines it. Each start is counted in a commit
     * of its own first, so that a message that brings the whole process down (out of memory, a
     * crash) is quarantined after {@value #MAX_ATTEMPTS} tries instead of doing so for ever.
     */
    public void process(long inboundId) {
        MDC.put("message", String.valueOf(inboundId));
        String[] currentStep = {"load"};
        try {
            int attempt = db.inTransaction(c -> inbound.countAttempt(c, inboundId));
            if (attempt > MAX_ATTEMPTS) {
                quarantine(inboundId, "processing it was interrupted " + MAX_ATTEMPTS
                        + " times (the daemon stopped or crashed on it): quarantined so it cannot stop the daemon again");
                return;
            }
            db.run(c -> {
                InboundRecord record = inbound.find(c, inboundId).orElseThrow();
                if (!"stored".equals(record.status())) {
                    return;
                }
                Envelope env = new Envelope(record, c, new JdbcCaseStore(c), clock.instant());
                for (Pipeline.Stage stage : pipeline.stages()) {
                    if (env.isStopped()) {
                        break;
                    }
                    if (stage.when().matches(env)) {
                        currentStep[0] = stage.name();
                        MDC.put("step", stage.name());
                        stage.step().apply(env);
                    }
                }
                MDC.remove("step");
                finish(c, env);
            });
        } catch (RuntimeException | StackOverflowError e) {
            String reason = "step " + currentStep[0] + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.error("message {} quarantined: step {} failed with {}", inboundId, currentStep[0],
                    e.getClass().getName());
            LOG.debug("quarantine detail for message {}", inboundId, e);
            quarantine(inboundId, reason);
        } finally {
            MDC.remove("step");
            MDC.remove("message");
        }
    }

    /** Marks a message quarantined; then, separately, so that it cannot undo the marking, reports it. */
    private void quarantine(long inboundId, String reason) {
        db.run(c -> inbound.finish(c, inboundId, Status.QUARANTINED, reason, null, null, null, null, null));
        try {
            db.run(c -> quarantine.quarantined(c, inbound.find(c, inboundId).orElseThrow(), reason));
        } catch (RuntimeException e) {
            LOG.error("message {} is quarantined, but reporting it failed: {}", inboundId, e.getMessage());
        }
    }

    private void finish(java.sql.Connection c, Envelope env) throws java.sql.SQLException {
        String sender = null;
        String subject = null;
        String problems = null;
        try {
            var p = env.parsed();
            sender = p.from() == null ? null : p.from().address();
            subject = p.subject();
            problems = p.problems().isEmpty() ? null : String.join("; ", p.problems());
        } catch (IllegalStateException notParsed) {
            // a pipeline without a parse step: nothing more to record
        }
        String kind = env.kind().label();
        if (env.caseId().isPresent()) {
            String detail = String.join("; ", env.notes());
            inbound.finish(c, env.inbound().id(), Status.PROCESSED, detail.isEmpty() ? null : detail,
                    env.caseId().get().toString(), kind, sender, subject, problems);
            LOG.info("message {} processed as {} in {}{}", env.inbound().id(), kind, env.caseId().get(),
                    env.isNewCase() ? " (new case)" : "");
        } else {
            String reason = env.isStopped() ? env.stopReason() : "no case";
            inbound.finish(c, env.inbound().id(), Status.IGNORED, reason, null, kind, sender, subject, problems);
            LOG.info("message {} recorded as {}, not answered: {}", env.inbound().id(), kind, reason);
        }
    }
}
