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

    /** A connection with no transaction open and auto-commit off, opened if none is idle. */
    Connection take() throws SQLException {
        try {
            if (!inUse.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all " + max + " database connections stayed in use for " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection c;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the database is closed");
                }
                c = idle.pollFirst();
            }
            if (c == null) {
                c = DriverManager.getConnection(url, user, password);
                c.setAutoCommit(false);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            inUse.release();
            throw e;
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
