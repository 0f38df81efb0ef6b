package org.sectriage.cli;

import org.sectriage.config.SectriageConfig;
import org.sectriage.store.Database;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a read-only command finds the database: {@code --database URL}, else the configuration's. */
final class DatabaseOption {

    @Mixin
    ConfigOption config;

    @Option(names = "--database", paramLabel = "JDBC-URL",
            description = "Read this database instead of the one in the configuration.")
    String url;

    Database open() {
        if (url != null) {
            return Database.openExisting(url, "sectriage", null);
        }
        SectriageConfig cfg = config.load();
        SectriageConfig.Database d = cfg.database();
        return Database.openExisting(d.url(), d.user(), d.password() == null ? null : d.password().read());
    }
}
