package org.sectriage.ingest;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's main loop: take new mail off the server and store it, each stored batch handed at once
 * to the pipeline's own thread, then wait for more (IDLE, or the poll interval). A lost connection is
 * retried with a growing pause, for as long as it takes; the mail server being away never needs a restart.
 */
public final class MailboxWatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(2);

    private final MailboxClient mailbox;
    private final MailboxIngester ingester;
    private final Duration pollInterval;
    private final Duration idleRefresh;
    private final Object pause = new Object();
    private volatile boolean running = true;
    private volatile long cycles;

    public MailboxWatcher(MailboxClient mailbox, MailboxIngester ingester, Duration pollInterval,
                          Duration idleRefresh) {
        this.mailbox = mailbox;
        this.ingester = ingester;
        this.pollInterval = pollInterval;
        this.idleRefresh = idleRefresh;
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try {
                boolean wasOpen = mailbox.isOpen();
                mailbox.open();
                if (!wasOpen) {
                    LOG.info("watching {} ({}), UIDVALIDITY {}", mailbox.folder(),
                            mailbox.usesIdle() ? "IDLE" : "polling every " + pollInterval.toSeconds() + "s",
                            mailbox.uidValidity());
                    mailbox.whyStoredMailStays().ifPresent(why -> LOG.warn("{}", why));
                }
                int stored = ingester.ingestOnce();
                cycles++;
                retry = FIRST_RETRY;
                if (stored > 0 || !running) {
                    continue;
                }
                mailbox.awaitNewMail(mailbox.usesIdle() ? idleRefresh : pollInterval);
            } catch (MailboxException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (e instanceof MailboxException) {
                    LOG.warn("mailbox unavailable, retrying in {}s: {}", retry.toSeconds(), e.getMessage());
                } else {
                    LOG.error("unexpected failure in the mailbox loop, retrying in {}s", retry.toSeconds(), e);
                }
                mailbox.close();
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        mailbox.close();
        LOG.info("mailbox watcher stopped");
    }

    /** Asks the loop to end after the batch in hand; returns at once. */
    public void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        mailbox.wakeUp();
    }

    /** Ends a wait for new mail now, e.g. after a test delivered some. */
    public void poke() {
        mailbox.wakeUp();
    }

    /** How many times the loop has listed the folder and stored what was new, without error; for tests and the demo. */
    public long cycles() {
        return cycles;
    }

    private void sleep(Duration d) {
        synchronized (pause) {
            try {
                if (running) {
                    pause.wait(d.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
