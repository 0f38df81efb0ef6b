package org.sectriage.pipeline;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's own thread: runs every stored message through the {@link PipelineRunner} whenever it is
 * told that mail was stored, so that the mailbox watcher fetches and stores the next batch while this one is
 * processed. Mail stored while it works is taken at once after; it also looks on its own every
 * {@link #LOOK_ANYWAY}, so that nothing stored waits for a signal that was missed. A failure (the database
 * gone away) is logged and retried with a growing pause; the messages stay stored meanwhile.
 */
public final class PipelineWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineWorker.class);
    static final Duration LOOK_ANYWAY = Duration.ofMinutes(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(2);

    private final PipelineRunner runner;
    private final Object signal = new Object();
    private boolean mailStored = true; // what was stored before the start is processed first
    private volatile boolean running = true;
    private volatile long rounds;

    public PipelineWorker(PipelineRunner runner) {
        this.runner = runner;
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        while (awaitStoredMail()) {
            try {
                runner.processPending(this::isRunning);
                rounds++;
                retry = FIRST_RETRY;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.error("the pipeline failed; the stored messages stay stored, retrying in {}s", retry.toSeconds(), e);
                mailStored(); // look again after the pause, signal or not
                pause(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        LOG.info("pipeline stopped");
    }

    /** Tells the worker that mail was stored; returns at once. */
    public void mailStored() {
        synchronized (signal) {
            mailStored = true;
            signal.notifyAll();
        }
    }

    /** Asks the worker to end after the group of messages in hand; returns at once. */
    public void stop() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** How many times the worker has run the pipeline over what was stored; for tests. */
    public long rounds() {
        return rounds;
    }

    private boolean isRunning() {
        return running;
    }

    /** Waits until mail was stored, or {@link #LOOK_ANYWAY} has passed; false once stopped. */
    private boolean awaitStoredMail() {
        synchronized (signal) {
            long until = System.nanoTime() + LOOK_ANYWAY.toNanos();
            while (running && !mailStored) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            mailStored = false;
            return running;
        }
    }

    /** Waits for {@code d}, however much mail is stored meanwhile; ends early only when stopped. */
    private void pause(Duration d) {
        synchronized (signal) {
            long until = System.nanoTime() + d.toNanos();
            long left;
            while (running && (left = until - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
