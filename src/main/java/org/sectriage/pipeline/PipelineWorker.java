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
    private static final Duration LOOK_ANYWAY = Duration.ofMinutes(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(2);

    private final PipelineRunner runner;
    private final Object signal = new Object();
    private boolean mailStored = true; // what was stored before the start is processed first
    private volatile boolean running = true;
    private volatile long rounds;
    private volatile long failedRounds;
    private boolean firstRoundOver;

    public PipelineWorker(PipelineRunner runner) {
        this.runner = runner;
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        while (await(LOOK_ANYWAY, true)) {
            try {
                runner.processPending(this::isRunning);
                rounds++;
                retry = FIRST_RETRY;
                firstRoundOver();
            } catch (RuntimeException e) {
                failedRounds++;
                firstRoundOver(); // the mailbox need not wait for a database that is away
                if (!running) {
                    break;
                }
                LOG.error("the pipeline failed; the stored messages stay stored, retrying in {}s", retry.toSeconds(),
                        e);
                await(retry, false); // however much mail is stored meanwhile
                mailStored(); // then look again, signal or not
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

    /**
     * Waits until the worker's first run, over what was stored before the start, is over. The mailbox watcher
     * starts after it, as the daemon did with one thread: a message left in hand by a crash runs while nothing
     * else does, so that the crash's cause, if it was that message, is found alone.
     *
     * @return false when stopped first
     */
    public boolean awaitFirstRound() {
        synchronized (signal) {
            while (running && !firstRoundOver) {
                try {
                    signal.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return running;
        }
    }

    private void firstRoundOver() {
        synchronized (signal) {
            firstRoundOver = true;
            signal.notifyAll();
        }
    }

    /** How many times the worker has run the pipeline over what was stored; for tests. */
    public long rounds() {
        return rounds;
    }

    /** How many of its runs failed, to be tried again; for tests. */
    public long failedRounds() {
        return failedRounds;
    }

    private boolean isRunning() {
        return running;
    }

    /**
     * Waits for {@code atMost}, or until mail was stored if {@code endsWithMail}; forgets that mail was stored.
     *
     * @return false once stopped
     */
    private boolean await(Duration atMost, boolean endsWithMail) {
        synchronized (signal) {
            long until = System.nanoTime() + atMost.toNanos();
            long left;
            while (running && !(endsWithMail && mailStored) && (left = until - System.nanoTime()) > 0) {
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
}
