package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema migration cut short by a kill or a crash leaves no half-migrated database: the next open
 * starts the migration again from where it began. (H2 commits each DDL statement on its own, so without
 * this the migration would run again on a schema that already has part of it, and fail.)
 */
class InterruptedMigrationTest {

    @TempDir
    Path dir;

    @Test
    void anUpgradeCutShortIsStartedAgainFromTheCopyKeptBeforeItAndKeepsTheCases() throws Exception {
        String url = url();
        migrate(url, "9");
        execute(url, "INSERT INTO security_case (id, state, subject, reporter, opened_at, updated_at)"
                + " VALUES ('SEC-2026-0001', 'acknowledged', 'XSS', 'r@researcher.example', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)");
        // what the daemon leaves when it is killed in the middle of migration V10: the copy it kept before,
        // and the database with V10's first statement done and not recorded
        Files.copy(mvFile(), Path.of(mvFile() + ".before-migration"));
        execute(url, "CREATE TABLE automatic_answer_count (purpose VARCHAR(40) NOT NULL,"
                + " minute_start TIMESTAMP WITH TIME ZONE NOT NULL, queued INT NOT NULL,"
                + " PRIMARY KEY (purpose, minute_start))");

        try (Database db = Database.open(url, "sectriage", null)) {
            assertThat(version(db)).isGreaterThanOrEqualTo(10);
            assertThat(count(db, "SELECT COUNT(*) FROM security_case")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM automatic_answer_count")).isZero();
        }
        assertThat(besideTheDatabase()).containsExactlyInAnyOrder("sectriage.mv.db");
    }

    @Test
    void aCreationCutShortIsStartedAgainOnANewFile() throws Exception {
        String url = url();
        migrate(url, "1");
        execute(url, "ALTER TABLE security_case ADD COLUMN report_kind VARCHAR(20)"); // V2's first statement
        Files.writeString(Path.of(mvFile() + ".migrating"), "");

        try (Database db = Database.open(url, "sectriage", null)) {
            assertThat(version(db)).isGreaterThanOrEqualTo(10);
        }
        assertThat(besideTheDatabase()).containsExactlyInAnyOrder("sectriage.mv.db");
    }

    @Test
    void anUpgradeLeavesNoCopyBehindAndACopyCutShortIsThrownAway() throws Exception {
        String url = url();
        migrate(url, "9");
        Files.writeString(Path.of(mvFile() + ".before-migration.partial"), "the first bytes of a copy");

        try (Database db = Database.open(url, "sectriage", null)) {
            assertThat(version(db)).isGreaterThanOrEqualTo(10);
        }
        assertThat(besideTheDatabase()).containsExactlyInAnyOrder("sectriage.mv.db");
    }

    @Test
    void aCopyBesideADatabaseInUseIsLeftAloneAndTheOpenSaysItIsInUse() throws Exception {
        String url = url();
        migrate(url, "9");
        long size = Files.size(mvFile());
        Files.writeString(Path.of(mvFile() + ".before-migration"), "its copy"); // as while another daemon migrates
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(mvFile(),
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = channel.lock()) { // H2's lock, as the other daemon holds it

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(url, "sectriage", null))
                    .isInstanceOf(Database.DatabaseUnavailableException.class);
        }
        assertThat(Path.of(mvFile() + ".before-migration")).hasContent("its copy");
        assertThat(Files.size(mvFile())).isEqualTo(size);
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("sectriage").toAbsolutePath();
    }

    private Path mvFile() {
        return dir.resolve("sectriage.mv.db");
    }

    private java.util.List<String> besideTheDatabase() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".trace.db")).toList();
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "sectriage", "")
                .locations("classpath:db/migration", "classpath:org/sectriage/store/migration")
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
