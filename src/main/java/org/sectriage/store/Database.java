package org.sectriage.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case database: an H2 database (a file by default) whose schema is brought up to date by
 * migrations when it opens, and the one place transactions are begun and committed.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** How many connections each of the two pools opens at most. */
    private static final int MAX_CONNECTIONS = 12;

    /** Connections for the migrations and Quartz's job store, which run transactions of their own. */
    private final JdbcConnectionPool pool;
    /** Connections for {@link #inTransaction}. */
    private final ConnectionPool transactions;
    private final String url;
    private final Access access;
    private boolean closed;

    private Database(JdbcConnectionPool pool, ConnectionPool transactions, String url, Access access) {
        this.pool = pool;
        this.transactions = transactions;
        this.url = url;
        this.access = access;
    }

    /**
     * Opens the database at {@code url}, migrates its schema, and makes every commit durable
     * (written before commit returns, with no write delay). An existing file is compacted first.
     *
     * @throws DatabaseUnavailableException when the file is locked by another process or cannot be opened
     */
    public static Database open(String url, String user, String password) {
        compact(url, user, password);
        return open(url, user, password, Access.CREATE);
    }

    /**
     * Compacts the H2 file of {@code url} into a new file that holds only its live data, when there is
     * one. H2 appends each commit to the file and gets the space back only when it compacts, so that
     * after a flood the file can be hundreds of times its data. And H2 (2.3 to 2.5) can leave a
     * fragmented file, one whose free space lies between chunks still listed, unreadable after some
     * opens and closes: the close writes a new chunk over a listed one, and a later open finds the
     * two claiming the same blocks ("File corrupted while reading record", "Double mark"). A file
     * copied anew has no such gaps, so the daemon's open compacts every time, and its close writes
     * nothing ({@link #close}): the compaction's is the only close of a file that was written. It costs time in proportion to the data (2 s for 110 MB of stored mail).
     * A failure is left to the open that follows, which reports it.
     */
    static void compact(String url, String user, String password) {
        java.util.Optional<java.nio.file.Path> base = fileOf(url);
        if (base.isEmpty()) {
            return;
        }
        java.nio.file.Path db = java.nio.file.Path.of(base.get() + ".mv.db");
        try {
            if (!java.nio.file.Files.isRegularFile(db)) {
                return;
            }
            long before = java.nio.file.Files.size(db);
            long start = System.nanoTime();
            try (Connection c = java.sql.DriverManager.getConnection(interruptSafe(url) + ";IFEXISTS=TRUE", user,
                    password == null ? "" : password); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            LOG.info("compacted the database file {} from {} KB to {} KB in {} ms", db, before >> 10,
                    java.nio.file.Files.size(db) >> 10, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    || e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
                    || e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_1) {
                LOG.debug("no compaction of {}: {}", db, e.getMessage()); // in use or gone: the open says so
            } else {
                LOG.warn("could not compact the database file {} (is the disk full?): {}", db, e.getMessage());
            }
        } catch (java.io.IOException e) {
            LOG.warn("could not compact the database file {}: {}", db, e.getMessage());
        }
    }

    /**
     * The path of an H2 file database's files without their suffix ({@code /var/lib/sectriage/sectriage} for
     * {@code jdbc:h2:file:/var/lib/sectriage/sectriage}), or nothing for a database that is not a local file.
     */
    static java.util.Optional<java.nio.file.Path> fileOf(String url) {
        String h2 = "jdbc:h2:";
        if (!url.regionMatches(true, 0, h2, 0, h2.length())) {
            return java.util.Optional.empty();
        }
        String path = url.substring(h2.length()).split(";", 2)[0];
        if (path.matches("(?i)^(mem|tcp|ssl|zip):.*")) {
            return java.util.Optional.empty();
        }
        // jdbc:h2:file:/x and jdbc:h2:/x are the same file, as are those through H2's file systems (retry:/x)
        path = path.replaceFirst("(?i)^file:", "").replaceFirst("(?i)^(retry|async|nio|niomapped|split(:\\d+)?):", "");
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return java.util.Optional.of(java.nio.file.Path.of(path).toAbsolutePath().normalize());
    }

    /** The path of this database's files without their suffix, or nothing when it is not a local file. */
    public java.util.Optional<java.nio.file.Path> file() {
        return fileOf(url);
    }

    /**
     * Opens a database that must already exist, to change it (as {@code inbox retry} does): a command
     * must never create an empty one and report "no such message".
     */
    public static Database openExisting(String url, String user, String password) {
        compact(url, user, password);
        return open(url, user, password, Access.EXISTING);
    }

    /**
     * Opens a database that must already exist, only to read it, as the commands that show cases do:
     * nothing is written to its file, not even when it closes (H2 writes a chunk at every close of a
     * database opened for writing, see {@link #compact}). A schema that is not this version's (older,
     * or its migrations cut short or changed) goes through {@link #openExisting} first, which migrates
     * it or says what is wrong. When this open is the one that opens the file, a write fails.
     */
    public static Database openToRead(String url, String user, String password) {
        Database db = open(url, user, password, Access.READ);
        boolean current;
        try {
            current = db.migrations().validateWithResult().validationSuccessful;
        } catch (RuntimeException e) {
            db.close();
            throw new DatabaseUnavailableException("cannot read the schema of " + url + ": " + e.getMessage(), e);
        }
        if (current) {
            return db;
        }
        db.close();
        openExisting(url, user, password).close();
        return open(url, user, password, Access.READ);
    }

    private Flyway migrations() {
        return schemaMigrations().dataSource(pool).load();
    }

    /** Flyway set up with the schema's migrations, SQL and Java, for a data source still to be given. */
    static org.flywaydb.core.api.configuration.FluentConfiguration schemaMigrations() {
        return Flyway.configure().locations("classpath:db/migration", "classpath:org/sectriage/store/migration");
    }

    /** What an open may do to the database. */
    private enum Access {
        /** Create it if there is none, migrate it. */
        CREATE,
        /** Migrate it; it must exist. */
        EXISTING,
        /** Only read it; it must exist. */
        READ
    }

    private static Database open(String url, String user, String password, Access access) {
        String opened = url;
        if (access != Access.CREATE && url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
            opened = opened + ";IFEXISTS=TRUE";
        }
        if (access == Access.READ && url.startsWith("jdbc:h2:")
                && !url.toUpperCase(Locale.ROOT).contains("ACCESS_MODE_DATA")) {
            opened = opened + ";ACCESS_MODE_DATA=r";
        }
        String effective = withStatementCache(closedByUs(interruptSafe(opened)));
        String pass = password == null ? "" : password;
        // a read leaves a creation that was cut short to the next open that may write
        java.util.Optional<MigrationGuard> guard = access == Access.READ ? java.util.Optional.empty()
                : fileOf(url).map(MigrationGuard::new);
        if (guard.isPresent()) {
            guard.get().undoInterruptedCreation(interruptSafe(url), user, pass);
        }
        boolean created = guard.isPresent() && !guard.get().exists();
        JdbcConnectionPool pool = JdbcConnectionPool.create(effective, user, pass);
        pool.setMaxConnections(MAX_CONNECTIONS);
        Database db = new Database(pool, new ConnectionPool(effective, user, pass, MAX_CONNECTIONS), url, access);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            pool.dispose();
            throw DatabaseUnavailableException.from(url, e);
        }
        try {
            if (created) {
                guard.get().beforeCreating();
            }
            if (access != Access.READ) {
                db.migrations().migrate();
            }
            if (created) {
                guard.get().migrated();
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw new DatabaseUnavailableException("cannot migrate the schema of " + url + ": " + e.getMessage(), e);
        }
        LOG.debug("database ready at {}", url);
        return db;
    }

    /**
     * {@code url} with H2's {@code retry:} file system for a file database. A thread that is
     * interrupted in the middle of a write (Quartz interrupts its misfire thread when it stops, a stop
     * that times out interrupts the mailbox watcher) closes a plain FileChannel, and with it the whole
     * database for every thread; {@code retry:} reopens the channel and carries on. The files are the
     * same.
     */
    static String interruptSafe(String url) {
        String file = "jdbc:h2:file:";
        if (url.startsWith(file) && !url.substring(file.length()).matches("^(retry|async|nio|niomapped|split):.*")) {
            return file + "retry:" + url.substring(file.length());
        }
        return url;
    }

    /**
     * {@code url} with H2's own shutdown hook turned off. That hook closed the database the moment the
     * JVM began to exit, while the daemon's shutdown hook was still finishing the message in hand and
     * stopping its timers, whose last commits then failed ("Database is already closed"). {@link
     * #close()} closes it, after them. Every commit is on disk when it returns, so a JVM that exits
     * without closing loses nothing.
     */
    static String closedByUs(String url) {
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return url;
    }

    /** How many parsed statements each connection keeps; the pipeline uses about 60 different ones. */
    static final int STATEMENT_CACHE = 128;

    /**
     * {@code url} with a per-connection cache of parsed statements large enough for the pipeline's. H2
     * keeps 8 by default, so that with the pipeline's many statements nearly every one was parsed anew
     * (a tenth of a report's processing time).
     */
    static String withStatementCache(String url) {
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            return url + ";QUERY_CACHE_SIZE=" + STATEMENT_CACHE;
        }
        return url;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(TransactionWork<T> work) {
        Connection c;
        try {
            c = transactions.take();
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
        boolean reusable = false;
        try {
            T result;
            try {
                result = work.run(c);
            } catch (Exception | Error e) {
                // after an Error (out of memory, a stack overflow) the connection's state is not to be trusted
                reusable = rolledBack(c, e) && !(e instanceof Error);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                if (e instanceof Error error) {
                    throw error;
                }
                throw new StoreException(e.getMessage(), e);
            }
            c.commit();
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            transactions.give(c, reusable);
        }
    }

    /** Rolls back {@code c}'s transaction after {@code cause}; false if it could not (the failure added to cause). */
    private static boolean rolledBack(Connection c, Throwable cause) {
        try {
            c.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /** Runs {@code work} in its own transaction, with no result. */
    public void run(TransactionAction work) {
        inTransaction(c -> {
            work.run(c);
            return null;
        });
    }

    public String url() {
        return url;
    }

    /** A new connection from the pool, for a component that runs its own transactions (Quartz's job store). */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * Closes the database. One opened to change it is closed without the chunk H2 writes at a plain
     * close ({@code SHUTDOWN IMMEDIATELY}): that close is the one that can write over a chunk still
     * listed in a fragmented file (see {@link #compact}), and it adds nothing, since every commit is
     * on disk when it returns (no write delay), as after a killed process, which the next open
     * recovers from as it does from a kill. The next open that may write compacts the file, and the
     * compaction's copy is the only close of it. A transaction still open is rolled back, as by any close.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        transactions.close(); // first, so that no transaction opens the database again after the shutdown
        // on a connection outside both pools: H2's rolls back a connection given back to it, which after
        // the shutdown fails and leaves the error in a sectriage.trace.db beside the database
        try (Connection c = transactions.unpooled(); Statement s = c.createStatement()) {
            s.execute(access == Access.READ ? "SHUTDOWN" : "SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            LOG.debug("database shutdown: {}", e.getMessage());
        }
        pool.dispose();
    }

    /** Work done inside a transaction, with a result. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws Exception;
    }

    /** Work done inside a transaction, without a result. */
    @FunctionalInterface
    public interface TransactionAction {
        void run(Connection connection) throws Exception;
    }

    /** The database cannot be opened: locked by another process, missing directory, wrong password. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

        static DatabaseUnavailableException from(String url, SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
                    || e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_1) {
                return new DatabaseUnavailableException("there is no database at " + url.replace(";IFEXISTS=TRUE", "")
                        + " (has sectriage run with this configuration? see database.url, or give --database)", e);
            }
            if (msg.toLowerCase(Locale.ROOT).contains("already in use")
                    || e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new DatabaseUnavailableException("database " + url
                        + " is in use by another process (is sectriage already running?)", e);
            }
            return new DatabaseUnavailableException("cannot open database " + url + ": " + msg, e);
        }
    }
}
