package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.DatabaseFile;

/** Each transaction commits or rolls back as a whole, on connections kept between transactions. */
class DatabaseTransactionTest {

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = DatabaseFile.in(dir).open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void closingTheDatabaseDoesNotRollBackAConnectionOfTheShutDownDatabase() throws Exception {
        db.run(c -> insertCounter(c, 2026));
        try (Connection quartzLike = db.connection()) {
            quartzLike.createStatement().execute("SELECT 1");
        }

        db.close();

        // H2 writes the errors it meets to <name>.trace.db; its own compaction on close may leave one there
        Path trace = dir.resolve("sectriage.trace.db");
        String traced = java.nio.file.Files.exists(trace) ? java.nio.file.Files.readString(trace) : "";
        assertThat(traced).doesNotContain("Database is already closed");
    }

    @Test
    void aTransactionThatFailsLeavesNothingAndTheNextOneRunsOnAnEmptyTransaction() {
        assertThatThrownBy(() -> db.run(c -> {
            insertCounter(c, 2026);
            throw new IllegalStateException("a step failed");
        })).hasMessage("a step failed");

        db.run(c -> insertCounter(c, 2027));

        assertThat(counters()).isEqualTo(1);
    }

    @Test
    void anInterruptedThreadStillRunsItsTransaction() {
        Thread.currentThread().interrupt();
        try {
            db.run(c -> insertCounter(c, 2026));
        } finally {
            Thread.interrupted();
        }

        assertThat(counters()).isEqualTo(1);
    }

    @Test
    void aTransactionAfterTheDatabaseClosedIsRefusedWithAClearError() {
        db.close();

        assertThatThrownBy(() -> db.run(c -> insertCounter(c, 2026))).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    private static void insertCounter(Connection c, int year) throws Exception {
        try (var ps = c.prepareStatement("INSERT INTO case_counter (case_year, last_number) VALUES (?, 1)")) {
            ps.setInt(1, year);
            ps.executeUpdate();
        }
    }

    private int counters() {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM case_counter")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
