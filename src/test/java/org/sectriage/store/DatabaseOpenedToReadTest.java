package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DatabaseFile;

/**
 * The commands that show cases open the database only to read it: its file is not written, not even
 * when it closes (every close of a database opened for writing writes to H2's file, and enough of
 * them can leave a fragmented file unreadable), a write fails, and a schema an earlier version left
 * is brought up to date first.
 */
class DatabaseOpenedToReadTest {

    @TempDir
    Path dir;

    private DatabaseFile database;
    private String url;
    private Path file;

    @BeforeEach
    void paths() {
        database = DatabaseFile.in(dir);
        url = database.url();
        file = database.mvDb();
    }

    @Test
    void readingLeavesTheFileAsItWasByteForByte() throws Exception {
        try (Database db = database.open()) {
            for (int i = 0; i < 50; i++) {
                int year = 3000 + i;
                db.run(c -> c.createStatement().executeUpdate(
                        "INSERT INTO case_counter (case_year, last_number) VALUES (" + year + ", 1)"));
                db.run(c -> c.createStatement().executeUpdate(
                        "UPDATE case_counter SET last_number = 2 WHERE case_year = " + year));
            }
        }
        String before = sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        for (int i = 0; i < 20; i++) {
            try (Database db = database.openToRead()) {
                assertThat(new CaseDatabase(db).count("SELECT COUNT(*) FROM case_counter WHERE last_number = 2")).isEqualTo(50);
            }
        }

        assertThat(sha256(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void aReadLeavesTheMarkOfACreationCutShortToTheNextOpenThatWrites() throws Exception {
        try (Database db = database.open()) {
            db.run(c -> c.createStatement().executeUpdate(
                    "INSERT INTO case_counter (case_year, last_number) VALUES (3000, 1)"));
        }
        Path marker = dir.resolve("sectriage.mv.db.migrating");
        Files.writeString(marker, "");
        String before = sha256(file);

        try (Database db = database.openToRead()) {
            assertThat(new CaseDatabase(db).count("SELECT COUNT(*) FROM case_counter WHERE case_year = 3000")).isEqualTo(1);
        }

        assertThat(sha256(file)).isEqualTo(before);
        assertThat(marker).exists();
    }

    @Test
    void aWriteThroughADatabaseOpenedToReadFailsAndChangesNothing() {
        database.open().close();

        try (Database db = database.openToRead()) {
            assertThatThrownBy(() -> db.run(c -> c.createStatement().executeUpdate(
                    "INSERT INTO case_counter (case_year, last_number) VALUES (3000, 1)")))
                    .isInstanceOf(StoreException.class);
        }
        try (Database db = database.openToRead()) {
            assertThat(new CaseDatabase(db).count("SELECT COUNT(*) FROM case_counter WHERE case_year = 3000")).isZero();
        }
    }

    @Test
    void aSchemaAnEarlierVersionLeftIsMigratedBeforeItIsRead() {
        Database.schemaMigrations().dataSource(url, "sectriage", "")
                .target("9").load().migrate();

        try (Database db = database.openToRead()) {
            assertThat(new CaseDatabase(db).count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'AUTOMATIC_ANSWER_COUNT'")).isEqualTo(1);
            assertThat(new CaseDatabase(db).count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '10'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void readingADatabaseThatIsNotThereCreatesNone() {
        assertThatThrownBy(() -> database.openToRead())
                .isInstanceOf(Database.DatabaseUnavailableException.class)
                .hasMessageContaining("there is no database at " + url + " ");
        assertThat(file).doesNotExist();
    }

    private static String sha256(Path path) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    }
}
