package org.sectriage.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/** Gives Quartz's JDBC job store connections to the case database, so that the timers live beside the cases. */
public final class QuartzConnections implements ConnectionProvider {

    private final Database db;

    public QuartzConnections(Database db) {
        this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return db.connection();
    }

    @Override
    public void shutdown() {
        // the database is closed by its owner, the daemon
    }

    @Override
    public void initialize() {
        // the database is open already
    }
}
