package org.sectriage.cli;

import org.sectriage.config.SectriageConfig;
import org.sectriage.store.Database;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command finds the database: {@code --database URL}, else the configuration's. */
final class DatabaseOption {

    @Mixin
    ConfigOption config;

    @Option(names = "--database", paramLabel = "JDBC-URL",
            description = "Read this database instead of the one in the configuration.")
    String url;

    /** The database, only to read it: nothing is written to its file. */
    Database openToRead() {
        return open(Database::openToRead);
    }

    /** The database, to change it. */
    Database openToChange() {
        return open(Database::openExisting);
    }

    private Database open(Opener opener) {
        if (url != null) {
            return opener.open(url, "sectriage", null);
        }
        SectriageConfig cfg = config.load();
        SectriageConfig.Database d = cfg.database();
        return opener.open(d.url(), d.user(), d.password() == null ? null : d.password().read());
    }

    @FunctionalInterface
    private interface Opener {
        Database open(String url, String user, String password);
    }
}
