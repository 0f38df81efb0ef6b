package org.sectriage.testing;

import java.nio.file.Path;
import org.sectriage.store.Database;

/**
 * The H2 file database a test's daemon or store uses, {@code sectriage} in a directory (usually the test's
 * {@code @TempDir}), as the configuration names it: {@code jdbc:h2:file:<dir>/sectriage}, its data in
 * {@code <dir>/sectriage.mv.db}, user {@code sectriage}, no password.
 */
public record DatabaseFile(Path base) {

    public static final String USER = "sectriage";

    /** The database {@code sectriage} in {@code dir}. */
    public static DatabaseFile in(Path dir) {
        return new DatabaseFile(dir.resolve("sectriage").toAbsolutePath());
    }

    /** Its URL, as {@code database.url} would give it. */
    public String url() {
        return "jdbc:h2:file:" + base;
    }

    /** The file H2 keeps its data in. */
    public Path mvDb() {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /** Opens it as the daemon does: created if missing, compacted, migrated. */
    public Database open() {
        return Database.open(url(), USER, null);
    }

    /** Opens it as the commands that show cases do: only to read, and it must exist. */
    public Database openToRead() {
        return Database.openToRead(url(), USER, null);
    }
}
