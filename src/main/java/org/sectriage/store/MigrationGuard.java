package org.sectriage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the creation of a database that is cut short (the process killed, the machine down) from leaving
 * a half-made schema behind. H2 commits each DDL statement on its own and Flyway records a migration only
 * once all of its statements ran, so after such a cut the migration would run again on a schema that
 * already has part of it, and fail ("Duplicate column name"): the daemon could no longer start.
 *
 * <p>Before the migrations of a database file this open created, a marker is written beside it
 * ({@code sectriage.mv.db.migrating}); it goes once they are done. When the database is next opened and the
 * marker is still there, the file is removed and made anew, but only if it holds no case, no message and no
 * mail: a file with data in it is never removed. An upgrade of an existing database is not covered here:
 * the migrations from V10 on are written to run again over their own partial result
 * ({@code MigrationsRunAgainTest} holds them to it).
 */
final class MigrationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationGuard.class);
    /** The tables whose rows are the database's data; a half-made schema has none of them or empty ones. */
    private static final List<String> DATA = List.of("SECURITY_CASE", "INBOUND_MESSAGE", "OUTBOX");

    private final Path file;
    private final Path marker;

    /** The guard of the H2 database whose files are {@code base}{@code .mv.db} and so on. */
    MigrationGuard(Path base) {
        this.file = Path.of(base + ".mv.db");
        this.marker = Path.of(file + ".migrating");
    }

    /** Whether the database file exists yet. */
    boolean exists() {
        return Files.exists(file);
    }

    /**
     * Removes a database file whose creation was cut short, if there is one and it holds no data, so that it is
     * made anew. Called before the database is opened for use; {@code url} opens the file as it is.
     */
    void undoInterruptedCreation(String url, String user, String password) {
        if (!Files.exists(marker)) {
            return;
        }
        try {
            if (Files.exists(file)) {
                Contents contents = contents(url, user, password);
                if (contents == Contents.UNKNOWN) {
                    return; // in use (the creation may be going on in another process): opening it says so
                }
                if (contents == Contents.DATA) {
                    LOG.warn("{} is left from a creation that was cut short, but the database holds data: it is kept",
                            marker);
                    Files.delete(marker);
                    return;
                }
                Files.delete(file);
                LOG.warn("the creation of the database {} was cut short; it is made anew", file);
            }
            Files.delete(marker);
        } catch (IOException e) {
            throw new StoreException("cannot remove the half-made database " + file + ": " + e.getMessage(), e);
        }
    }

    /** What a database file holds, as far as removing it goes. */
    private enum Contents {
        /** A row in one of the data tables. */
        DATA,
        /** No row in any of them: a schema, or part of one. */
        NO_DATA,
        /** It could not be opened to look (in use by another process). */
        UNKNOWN
    }

    private static Contents contents(String url, String user, String password) {
        String existing = url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS") ? url : url + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(existing, user, password == null ? "" : password);
             Statement s = c.createStatement()) {
            for (String table : DATA) {
                boolean present;
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "'")) {
                    rs.next();
                    present = rs.getInt(1) > 0;
                }
                if (present) {
                    try (ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                        if (rs.next()) {
                            return Contents.DATA;
                        }
                    }
                }
            }
            return Contents.NO_DATA;
        } catch (SQLException e) {
            return Contents.UNKNOWN;
        }
    }

    /** Marks the start of the migrations of a database file this open created. */
    void beforeCreating() {
        try {
            Files.writeString(marker, "");
        } catch (IOException e) {
            throw new StoreException("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    /** The migrations are done: the marker goes. If it cannot, the database is not used. */
    void migrated() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new StoreException("cannot remove " + marker + " after creating " + file + ": " + e.getMessage(), e);
        }
    }
}
