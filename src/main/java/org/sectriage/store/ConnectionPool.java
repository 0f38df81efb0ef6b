package org.sectriage.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The open connections of the daemon's transactions, kept between them, each with auto-commit off
 * and handed back only after its transaction was committed or rolled back.
 *
 * <p>It stands in for H2's own pool, which rolls a connection back each time it is taken and each
 * time it is given back. In H2 a rollback, even of a transaction that changed nothing, writes every
 * page changed since the last write, including those of other connections' open transactions: with
 * the pipeline's group of messages open, each of the outbox's transactions wrote that group's pages
 * twice more, and most of a report's database time was spent on those writes.
 */
final class ConnectionPool implements AutoCloseable {

    /** How long a transaction waits for a connection when all are in use. */
    static final long WAIT_SECONDS = 30;

    private final String url;
    private final String user;
    private final String password;
    private final Semaphore inUse;
    private final int max;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(String url, String user, String password, int max) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.max = max;
        this.inUse = new Semaphore(max, true);
    }

    /**
     * A connection with no transaction open and auto-commit off, opened if none is idle. A thread that
     * was interrupted gets one too, as from H2's pool: the database's {@code retry:} file system lets it
     * work.
     */
    Connection take() throws SQLException {
        acquire();
        Connection opened = null;
        try {
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the database is closed");
                }
                Connection c = idle.pollFirst();
                if (c != null) {
                    return c;
                }
            }
            opened = DriverManager.getConnection(url, user, password);
            opened.setAutoCommit(false);
            return opened;
        } catch (SQLException | RuntimeException | Error e) {
            if (opened != null) {
                closeQuietly(opened);
            }
            inUse.release();
            throw e;
        }
    }

    /** Waits for one of the connections to be free, up to {@link #WAIT_SECONDS}, even when interrupted. */
    private void acquire() throws SQLException {
        if (inUse.tryAcquire()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try {
            while (true) {
                long left = until - System.nanoTime();
                try {
                    if (left > 0 && inUse.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    if (System.nanoTime() - until >= 0) {
                        throw new SQLException("all " + max + " database connections stayed in use for "
                                + WAIT_SECONDS + " s");
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Takes back {@code c}, whose transaction ended: kept for the next one when {@code reusable}, closed
     * when not (its commit or rollback failed, so its state is unknown).
     */
    void give(Connection c, boolean reusable) {
        try {
            boolean keep;
            synchronized (this) {
                keep = reusable && !closed;
                if (keep) {
                    idle.addFirst(c);
                }
            }
            if (!keep) {
                closeQuietly(c);
            }
        } finally {
            inUse.release();
        }
    }

    /** A connection of its own to the same database, outside the pool, with auto-commit on; also once closed. */
    Connection unpooled() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Closes the idle connections; one given back after this is closed then. */
    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(ConnectionPool::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is given up either way
        }
    }
}
