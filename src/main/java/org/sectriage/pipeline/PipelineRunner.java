package org.sectriage.pipeline;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>The steps that run {@linkplain Pipeline.Builder#ahead ahead} (parsing, decryption, the detection
 * of automated mail, the classification of the text: the costly work on the message alone) run for
 * the messages of a group on a pool of threads, one per core, a few messages at a time, while the
 * pipeline's thread takes the group's messages through the rest of the steps in their transaction, in
 * order: decryption does not hold up the pipeline, and the database sees one writer.
 */
public final class PipelineRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    private static final int BATCH = 500;
    /** Messages processed in one transaction, when none of them failed before. */
    static final int TOGETHER = 32;
    /** Starts of the pipeline on one message after which it is quarantined rather than tried again. */
    static final int MAX_ATTEMPTS = 3;
    /**
     * A message up to this size is read into memory once and its ahead steps run on the pool; a larger
     * one is read from its row by each step that needs it, all in its transaction, so that a group of
     * large messages cannot fill the heap.
     */
    static final long IN_MEMORY_MAX = 256 * 1024;

    private final Pipeline pipeline;
    private final Database db;
    private final InboundStore inbound;
    private final Clock clock;
    private final Runnable afterBatch;
    private final Quarantine quarantine;
    private final ExecutorService aheadPool;
    private final int aheadThreads;

    /**
     * A runner with one thread per core for the steps that run ahead.
     *
     * @param afterBatch called after each committed batch of messages, e.g. to have the outbox
     *                   sent at once rather than at its next tick
     */
    public PipelineRunner(Pipeline pipeline, Database db, InboundStore inbound, Clock clock, Runnable afterBatch,
                          Quarantine quarantine) {
        this(pipeline, db, inbound, clock, afterBatch, quarantine, Runtime.getRuntime().availableProcessors());
    }

    /** A runner with {@code aheadThreads} threads for the steps that run ahead. */
    PipelineRunner(Pipeline pipeline, Database db, InboundStore inbound, Clock clock, Runnable afterBatch,
                          Quarantine quarantine, int aheadThreads) {
        this.pipeline = pipeline;
        this.db = db;
        this.inbound = inbound;
        this.clock = clock;
        this.afterBatch = afterBatch;
        this.quarantine = quarantine;
        this.aheadThreads = Math.max(1, aheadThreads);
        AtomicInteger threads = new AtomicInteger();
        this.aheadPool = Executors.newFixedThreadPool(this.aheadThreads, task -> {
            Thread t = new Thread(task, "sectriage-ahead-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the threads of the steps that run ahead; a message they were on is taken up again at the next start. */
    @Override
    public void close() {
        for (Runnable neverStarted : aheadPool.shutdownNow()) {
            if (neverStarted instanceof Future<?> f) {
                f.cancel(false);
            }
        }
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
        AheadQueue ahead;
        try {
            ahead = aheadQueue(group);
        } catch (RuntimeException e) {
            LOG.warn("reading {} message(s) for the steps ahead failed ({}): processing them one at a time",
                    group.size(), e.getMessage());
            group.forEach(this::process);
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
                        runSteps(c, id, ahead.take(id), currentStep);
                        c.releaseSavepoint(before);
                    } catch (Stopped e) {
                        throw e;
                    } catch (Exception | StackOverflowError e) {
                        c.rollback(before);
                        failed.put(id, failure(id, currentStep[0], e));
                    } finally {
                        MDC.remove("step");
                        MDC.remove("message");
                    }
                }
            });
        } catch (Stopped e) {
            LOG.info("stopped while {} message(s) were in hand: they are taken up again at the next start", group.size());
            return;
        } catch (RuntimeException e) {
            LOG.warn("the commit of {} processed message(s) failed ({}): processing them one at a time",
                    group.size(), e.getMessage());
            ahead.cancel();
            group.forEach(this::process);
            return;
        } finally {
            ahead.cancel();
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
            db.run(c -> runSteps(c, inboundId, null, currentStep));
        } catch (RuntimeException | StackOverflowError e) {
            quarantine(inboundId, failure(inboundId, currentStep[0], e));
        } finally {
            MDC.remove("step");
            MDC.remove("message");
        }
    }

    /**
     * What the steps that run ahead made of one message: the envelope they left; or the step that
     * failed and how; or neither, when the message is to go through all its steps in its transaction.
     */
    private record Ahead(Envelope envelope, String failedStep, Throwable failure) {
    }

    /** How many messages of a group are being prepared ahead, or are prepared and not yet taken, at once. */
    private int window() {
        return 2 * aheadThreads;
    }

    /**
     * The messages of a group whose steps run ahead, handed out in the group's order: a few at a time
     * are given to the pool ({@link #window()}), so that what they hold in memory stays bounded.
     */
    private final class AheadQueue {
        private final List<Envelope> loaded;
        private final Map<Long, Future<Ahead>> started = new HashMap<>();
        private int next;

        AheadQueue(List<Envelope> loaded) {
            this.loaded = loaded;
        }

        /** The steps ahead of message {@code id}, started if they were not; null when it has none. */
        Future<Ahead> take(long id) {
            fill();
            Future<Ahead> taken = started.remove(id);
            fill();
            return taken;
        }

        private void fill() {
            while (next < loaded.size() && started.size() < window()) {
                Envelope env = loaded.get(next++);
                try {
                    started.put(env.inbound().id(), aheadPool.submit(() -> runAheadSteps(env)));
                } catch (RejectedExecutionException stopping) {
                    next = loaded.size(); // the pool is closed: the rest go through all their steps in their transaction
                }
            }
        }

        /** Stops the work ahead that is no longer wanted. */
        void cancel() {
            started.values().forEach(f -> f.cancel(true));
            started.clear();
            next = loaded.size();
        }
    }

    /**
     * Reads the messages of {@code group} that are small enough to hold in memory for the steps that
     * run ahead; the others (and every message when the pipeline has no such steps) are not in the
     * queue and go through all their steps in their transaction.
     */
    private AheadQueue aheadQueue(List<Long> group) {
        if (!pipeline.runsAhead() || aheadPool.isShutdown()) {
            return new AheadQueue(List.of());
        }
        return new AheadQueue(db.inTransaction(c -> {
            List<Envelope> envelopes = new ArrayList<>();
            for (long id : group) {
                Optional<InboundRecord> record = inbound.find(c, id);
                if (record.isPresent() && "stored".equals(record.get().status())
                        && record.get().size() <= IN_MEMORY_MAX) {
                    byte[] raw;
                    try (InputStream in = inbound.openRaw(c, id)) {
                        raw = in.readAllBytes();
                    }
                    envelopes.add(new Envelope(record.get(), () -> new ByteArrayInputStream(raw), clock.instant()));
                }
            }
            return envelopes;
        }));
    }

    /** Runs the steps that run ahead on one message, on a thread of the pool. */
    private Ahead runAheadSteps(Envelope env) {
        MDC.put("message", String.valueOf(env.inbound().id()));
        String step = "load";
        try {
            for (Pipeline.Stage stage : pipeline.stages()) {
                if (!stage.ahead() || env.isStopped()) {
                    break;
                }
                if (stage.when().matches(env)) {
                    step = stage.name();
                    MDC.put("step", step);
                    stage.step().apply(env);
                }
            }
            return new Ahead(env, null, null);
        } catch (RunInTransaction e) {
            LOG.debug("message {}: all its steps run in its transaction ({})", env.inbound().id(), e.getMessage());
            return new Ahead(null, null, null);
        } catch (Exception | StackOverflowError e) {
            return new Ahead(null, step, e);
        } finally {
            MDC.remove("step");
            MDC.remove("message");
        }
    }

    /**
     * Runs the pipeline's steps on one stored message, in {@code c}'s transaction, and records the
     * outcome; the steps that run ahead already ran when {@code ahead} is given.
     */
    private void runSteps(Connection c, long inboundId, Future<Ahead> ahead, String[] currentStep) throws Exception {
        MDC.put("message", String.valueOf(inboundId));
        InboundRecord record = inbound.find(c, inboundId).orElseThrow();
        if (!"stored".equals(record.status())) {
            return;
        }
        Envelope env = null;
        if (ahead != null) {
            Ahead done = awaitAhead(ahead);
            if (done.failure() != null) {
                currentStep[0] = done.failedStep();
                if (done.failure() instanceof Exception e) {
                    throw e;
                }
                throw (StackOverflowError) done.failure();
            }
            env = done.envelope();
        }
        boolean ranAhead = env != null;
        if (ranAhead) {
            env.bind(c, new JdbcCaseStore(c), clock.instant());
        } else {
            env = new Envelope(record, rawOf(c, record), c, new JdbcCaseStore(c), clock.instant());
        }
        for (Pipeline.Stage stage : pipeline.stages()) {
            if (env.isStopped()) {
                break;
            }
            if ((!ranAhead || !stage.ahead()) && stage.when().matches(env)) {
                currentStep[0] = stage.name();
                MDC.put("step", stage.name());
                stage.step().apply(env);
            }
        }
        MDC.remove("step");
        finish(c, env);
    }

    /** The runner was stopped while it waited for the steps that run ahead: the group's transaction is rolled back. */
    private static final class Stopped extends RuntimeException {
        Stopped(Throwable cause) {
            super("stopped", cause);
        }
    }

    /** Waits for the steps that ran ahead; what brought their thread down (out of memory) brings this one down. */
    private static Ahead awaitAhead(Future<Ahead> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(e);
        } catch (CancellationException e) {
            throw new Stopped(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The raw message for steps in a transaction: read once when small enough to hold, else from its row each time. */
    private Envelope.RawSource rawOf(Connection c, InboundRecord record) {
        if (record.size() > IN_MEMORY_MAX) {
            return () -> inbound.openRaw(c, record.id());
        }
        byte[][] held = new byte[1][];
        return () -> {
            if (held[0] == null) {
                try (InputStream in = inbound.openRaw(c, record.id())) {
                    held[0] = in.readAllBytes();
                }
            }
            return new ByteArrayInputStream(held[0]);
        };
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
            subject = env.subjectToStore();
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
