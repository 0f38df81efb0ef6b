package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.DatabaseFile;

/** A database file that grew far past its data is compacted when it is opened, and keeps its data. */
class DatabaseCompactionTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatGrewWithManyCommitsIsCompactedAtOpenWithEveryRowKept() throws Exception {
        String url = DatabaseFile.in(dir).url();
        try (Database db = Database.open(url, DatabaseFile.USER, null)) {
            for (int i = 0; i < 3000; i++) {
                int n = i;
                db.run(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_counter (case_year, last_number)"
                            + " VALUES (?, 1)")) {
                        ps.setInt(1, n);
                        ps.executeUpdate();
                    }
                });
            }
        }
        Path file = dir.resolve("sectriage.mv.db");
        long grown = Files.size(file);

        Database.open(url, DatabaseFile.USER, null).close();

        assertThat(Files.size(file)).isLessThan(grown / 2);
        try (Database db = Database.open(url, DatabaseFile.USER, null)) {
            int rows = db.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM case_counter")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(3000);
        }
    }
}
