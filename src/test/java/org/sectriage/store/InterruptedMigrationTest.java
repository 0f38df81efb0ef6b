package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.DatabaseFile;

/**
 * A schema migration cut short by a kill or a crash leaves no half-migrated database that the next open
 * cannot migrate: a new database is made anew, an upgrade completes. (H2 commits each DDL statement on
 * its own, so a migration run again meets a schema that already has part of it.)
 */
class InterruptedMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aCreationCutShortIsStartedAgainOnANewFile() throws Exception {
        String url = url();
        migrate(url, "1");
        execute(url, "ALTER TABLE security_case ADD COLUMN report_kind VARCHAR(20)"); // V2's first statement
        Files.writeString(marker(), "");

        try (Database db = Database.open(url, DatabaseFile.USER, null)) {
            assertThat(version(db)).isGreaterThanOrEqualTo(10);
        }
        assertThat(besideTheDatabase()).containsExactlyInAnyOrder("sectriage.mv.db");
    }

    @Test
    void aMarkerBesideADatabaseThatHoldsCasesNeverHasItRemoved() throws Exception {
        String url = url();
        migrate(url, "10");
        execute(url, "INSERT INTO security_case (id, state, subject, reporter, opened_at, updated_at)"
                + " VALUES ('SEC-2026-0001', 'acknowledged', 'XSS', 'r@researcher.example', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)");
        Files.writeString(marker(), "");

        try (Database db = Database.open(url, DatabaseFile.USER, null)) {
            assertThat(count(db, "SELECT COUNT(*) FROM security_case")).isEqualTo(1);
        }
        assertThat(besideTheDatabase()).containsExactlyInAnyOrder("sectriage.mv.db");
    }

    @Test
    void anUpgradeToV10CutShortAfterItsFirstStatementCompletesAtTheNextOpen() throws Exception {
        String url = url();
        migrate(url, "9");
        execute(url, "CREATE TABLE automatic_answer_count (purpose VARCHAR(40) NOT NULL,"
                + " minute_start TIMESTAMP WITH TIME ZONE NOT NULL, queued INT NOT NULL,"
                + " PRIMARY KEY (purpose, minute_start))");

        try (Database db = Database.open(url, DatabaseFile.USER, null)) {
            assertThat(version(db)).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void aDatabaseMadeWholeLeavesNoMarker() throws Exception {
        try (Database db = Database.open(url(), "sectriage", null)) {
            assertThat(version(db)).isGreaterThanOrEqualTo(10);
        }
        assertThat(besideTheDatabase()).containsExactlyInAnyOrder("sectriage.mv.db");
    }

    private String url() {
        return DatabaseFile.in(dir).url();
    }

    private Path marker() {
        return dir.resolve("sectriage.mv.db.migrating");
    }

    private java.util.List<String> besideTheDatabase() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".trace.db")).toList();
        }
    }

    private static void migrate(String url, String target) {
        Database.schemaMigrations().dataSource(url, "sectriage", "")
                .target(target).load().migrate();
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sectriage", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int version(Database db) {
        return count(db, "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"");
    }

    private static int count(Database db, String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
