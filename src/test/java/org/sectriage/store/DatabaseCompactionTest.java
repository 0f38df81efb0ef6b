package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database file that grew far past its data is compacted when it is opened, and keeps its data. */
class DatabaseCompactionTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatGrewWithManyCommitsIsCompactedAtOpenWithEveryRowKept() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("sectriage").toAbsolutePath();
        try (Database db = Database.open(url, "sectriage", null)) {
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

        Database.open(url, "sectriage", null).close();

        assertThat(Files.size(file)).isLessThan(grown / 2);
        try (Database db = Database.open(url, "sectriage", null)) {
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
