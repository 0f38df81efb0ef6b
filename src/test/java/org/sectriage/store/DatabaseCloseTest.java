package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DatabaseFile;

/**
 * A database opened to change it is closed without writing to its file: every commit is already there
 * when it returns, and the chunk H2 writes at a plain close is the write that can fall over a chunk
 * still listed in a fragmented file. What was committed is found by the next open, to read or to
 * change; what was not is not.
 */
class DatabaseCloseTest {

    @TempDir
    Path dir;

    private DatabaseFile database;

    @BeforeEach
    void paths() {
        database = DatabaseFile.in(dir);
    }

    @Test
    void theCloseWritesNothingAndEveryCommitIsFoundByTheNextOpens() throws Exception {
        Database db = database.open();
        for (int i = 0; i < 50; i++) {
            int year = 3000 + i;
            db.run(c -> c.createStatement().executeUpdate(
                    "INSERT INTO case_counter (case_year, last_number) VALUES (" + year + ", 1)"));
        }
        String committed = sha256(database.mvDb());

        db.close();

        assertThat(sha256(database.mvDb())).isEqualTo(committed);
        assertTheNextOpensFind(50);
    }

    @Test
    void aTransactionStillOpenAtTheCloseIsNotFoundByTheNextOpens() throws Exception {
        Database db = database.open();
        db.run(c -> c.createStatement().executeUpdate(
                "INSERT INTO case_counter (case_year, last_number) VALUES (3000, 1)"));
        // a second connection to the same open database, its transaction never committed
        Connection unfinished = DriverManager.getConnection(Database.interruptSafe(database.url()) + ";IFEXISTS=TRUE", "sectriage", "");
        unfinished.setAutoCommit(false);
        try (Statement s = unfinished.createStatement()) {
            s.executeUpdate("INSERT INTO case_counter (case_year, last_number) VALUES (3001, 1)");
        }

        db.close();
        unfinished.close();

        assertTheNextOpensFind(1);
    }

    /** Opened to read, then as the daemon opens it, the database holds {@code counters} of the test's rows. */
    private void assertTheNextOpensFind(int counters) {
        for (boolean toRead : new boolean[] {true, false}) {
            try (Database db = toRead ? database.openToRead() : database.open()) {
                assertThat(new CaseDatabase(db).count("SELECT COUNT(*) FROM case_counter WHERE case_year >= 3000"))
                        .as(toRead ? "opened to read" : "opened by the daemon").isEqualTo(counters);
            }
        }
    }

    private static String sha256(Path path) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    }
}
