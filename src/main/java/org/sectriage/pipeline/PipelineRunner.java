package org.sectriage.pipeline;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Messages processed in one transaction, when none of them failed before. */
    static final int TOGETHER = 32;
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
            for (int from = 0; from < ids.size() && keepGoing.getAsBoolean(); from += TOGETHER) {
                List<Long> group = ids.subList(from, Math.min(ids.size(), from + TOGETHER));
                processTogether(group);
                done += group.size();
                afterBatch.run();
            }
        }
        return done;
    }

    /**
     * Processes a group of messages in one transaction, each inside a savepoint of its own: a message
     * on which a step fails is rolled back to its savepoint and quarantined, and the others commit
     * together. One commit for the group instead of one per message is most of what a durable commit
     * costs saved. When any of the group was started before and did not finish (the daemon stopped or
     * crashed on it), or the group's commit fails, each message is processed alone and its start
     * counted just before it runs, so that one message cannot take others into quarantine with it:
     * a message is charged for a group that died with it once, and then only for its own runs.
     */
    void processTogether(List<Long> group) {
        boolean startedBefore = group.size() == 1 || db.inTransaction(c -> {
            for (long id : group) {
                if (inbound.attempts(c, id) > 0) {
                    return true;
                }
            }
            for (long id : group) {
                inbound.countAttempt(c, id); // the group's start is a start of each of its messages
            }
            return false;
        });
        if (startedBefore) {
            group.forEach(this::process); // each counted just before it runs, so only a message run is charged
            return;
        }
        Map<Long, String> failed = new LinkedHashMap<>();
        try {
            db.run(c -> {
                failed.clear();
                for (long id : group) {
                    Savepoint before = c.setSavepoint();
                    String[] currentStep = {"load"};
                    try {
                        runSteps(c, id, currentStep);
                        c.releaseSavepoint(before);
                    } catch (Exception | StackOverflowError e) {
                        c.rollback(before);
                        failed.put(id, failure(id, currentStep[0], e));
                    } finally {
                        MDC.remove("step");
                        MDC.remove("message");
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("the commit of {} processed message(s) failed ({}): processing them one at a time",
                    group.size(), e.getMessage());
            group.forEach(this::process);
            return;
        }
        failed.forEach(this::quarantine);
    }

    /**
     * Processes one stored message; on failure, quarantines it. Each start is counted in a commit
     * of its own first, so that a message that brings the whole process down (out of memory, a
     * crash) is quarantined after {@value #MAX_ATTEMPTS} tries instead of doing so for ever.
     */
    public void process(long inboundId) {
        processAlone(inboundId, db.inTransaction(c -> inbound.countAttempt(c, inboundId)));
    }

    /** Processes one message in a transaction of its own, whose start was counted as {@code attempt}. */
    private void processAlone(long inboundId, int attempt) {
        String[] currentStep = {"load"};
        try {
            if (attempt > MAX_ATTEMPTS) {
                quarantine(inboundId, "processing it was interrupted " + MAX_ATTEMPTS
                        + " times (the daemon stopped or crashed on it): quarantined so it cannot stop the daemon again");
                return;
            }
            db.run(c -> runSteps(c, inboundId, currentStep));
        } catch (RuntimeException | StackOverflowError e) {
            quarantine(inboundId, failure(inboundId, currentStep[0], e));
        } finally {
            MDC.remove("step");
            MDC.remove("message");
        }
    }

    /** Runs the pipeline's steps on one stored message, in {@code c}'s transaction, and records the outcome. */
    private void runSteps(Connection c, long inboundId, String[] currentStep) throws Exception {
        MDC.put("message", String.valueOf(inboundId));
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
    }

    /** Logs a step's failure on a message, without the message's content, and says why in one line. */
    private static String failure(long inboundId, String step, Throwable e) {
        Throwable shown = e instanceof org.sectriage.store.StoreException && e.getCause() != null ? e.getCause() : e;
        LOG.error("message {} quarantined: step {} failed with {}", inboundId, step, shown.getClass().getName());
        LOG.debug("quarantine detail for message {}", inboundId, e);
        return "step " + step + " failed: " + shown.getClass().getSimpleName()
                + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
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

    private void finish(Connection c, Envelope env) throws java.sql.SQLException {
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
