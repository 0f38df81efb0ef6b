package org.sectriage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a schema migration that is cut short (the process killed, the machine down) from leaving a
 * database half migrated. H2 commits each DDL statement on its own and Flyway records a migration only
 * once all of its statements ran, so after such a cut the migration runs again on a schema that already
 * has part of it, and fails ("Duplicate column name"): the daemon could no longer start.
 *
 * <p>Before migrating a database file, a copy of it is kept beside it ({@code sectriage.mv.db.before-migration},
 * written under a temporary name and renamed once whole); before creating a new one, a marker
 * ({@code sectriage.mv.db.migrating}). Both go once the migration is done. When the database is next
 * opened and either is still there, the migration was cut short: the copy is put back (or the new file,
 * half made, removed) and the migration runs again from where it began.
 */
final class MigrationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationGuard.class);

    private final Path file;
    private final Path copy;
    private final Path copyInProgress;
    private final Path marker;

    /** The guard of the H2 database whose files are {@code base}{@code .mv.db} and so on. */
    MigrationGuard(Path base) {
        this.file = Path.of(base + ".mv.db");
        this.copy = Path.of(file + ".before-migration");
        this.copyInProgress = Path.of(copy + ".partial");
        this.marker = Path.of(file + ".migrating");
    }

    /** Whether the database file exists yet. */
    boolean exists() {
        return Files.exists(file);
    }

    /**
     * Undoes a migration that was cut short, if there was one: puts the copy back, or removes a new file
     * made half way. Called before the database is opened.
     */
    void undoInterruptedMigration() {
        if (!Files.exists(copy) && !Files.exists(marker) && !Files.exists(copyInProgress)) {
            return;
        }
        if (inUse()) {
            return; // another process has the database open, and may be migrating it: opening it says so
        }
        try {
            Files.deleteIfExists(copyInProgress); // a copy not yet whole: the migration had not begun
            if (Files.exists(copy)) {
                Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(marker);
                LOG.warn("the last schema migration of {} was cut short; the database is put back as it was before"
                        + " it, and migrated again", file);
            } else if (Files.exists(marker)) {
                Files.deleteIfExists(file);
                Files.delete(marker);
                LOG.warn("the creation of the database {} was cut short; it is created again", file);
            }
        } catch (IOException e) {
            throw new StoreException("cannot put back the database " + file + " after a migration that was cut"
                    + " short: " + e.getMessage() + " (the copy from before it is " + copy + ")", e);
        }
    }

    /** Whether another process (or this one) holds H2's lock on the database file. */
    private boolean inUse() {
        if (!Files.exists(file)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // not ours to tell: opening the database reports what is wrong with the file
        }
    }

    /** Marks the start of the migration of a database file about to be created. */
    void beforeCreating() {
        try {
            Files.writeString(marker, "");
        } catch (IOException e) {
            throw new StoreException("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    /** Keeps a copy of the database file, which must be closed, before it is migrated. */
    void beforeMigrating() {
        try {
            Files.copy(file, copyInProgress, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copyInProgress, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot keep a copy of " + file + " before migrating it: " + e.getMessage(), e);
        }
    }

    /**
     * The migration is done: the copy or the marker goes. If it cannot, the database must not be used: at the
     * next start the copy would be put back over all that was done since.
     */
    void migrated() {
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new StoreException("cannot remove " + (Files.exists(copy) ? copy : marker) + " after migrating "
                    + file + " (remove it by hand once the database is known to be whole): " + e.getMessage(), e);
        }
    }
}
