package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.CaseDatabase;
import org.sectriage.testing.DatabaseFile;

/**
 * A database file that H2 itself makes unreadable: {@code store/fragmented.mv.db.gz} is the file a
 * daemon left after the hostile-mail run (107 messages, one of them 100 MB), free space between its
 * chunks. Opened and closed for writing a dozen times by H2 alone, it can no longer be opened ("File
 * corrupted while reading record", "Double mark"): a close writes a chunk into a gap too small
 * for it, over one still listed. The daemon's open compacts the file first, and the commands that
 * show cases open it only to read, so with sectriage's opens it stays readable, every message kept;
 * and once H2 alone has made it unreadable, its recovery tools (the README's steps) give it all back.
 */
class FragmentedDatabaseFileTest {

    private static final int OPENS = 20;
    private static final int MESSAGES = 107;
    private static final int RAW_BYTES = 111_149_912;

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void unpackTheFile() throws Exception {
        try (InputStream in = new GZIPInputStream(
                FragmentedDatabaseFileTest.class.getResourceAsStream("/store/fragmented.mv.db.gz"))) {
            Files.copy(in, dir.resolve("sectriage.mv.db"));
        }
        url = DatabaseFile.in(dir).url();
    }

    @Test
    void h2AloneMakesTheFileUnreadableWithinAFewOpensAndCloses() {
        SQLException failure = unreadableAfterPlainOpens();

        assertThat((Throwable) failure)
                .as("if this H2 no longer corrupts the file, the compaction at every open can be reconsidered")
                .isNotNull()
                .hasMessageContaining("File corrupted");
    }

    @Test
    void onceH2HasMadeItUnreadableH2sRecoveryToolsGiveEveryMessageBack() throws Exception {
        assertThat((Throwable) unreadableAfterPlainOpens()).isNotNull();

        // the README's steps
        org.h2.tools.Recover.execute(dir.toString(), "sectriage");
        Path recovered = dir.resolve("recovered");
        Files.createDirectories(recovered);
        String recoveredUrl = "jdbc:h2:file:" + recovered.resolve("sectriage").toAbsolutePath();
        org.h2.tools.RunScript.execute(recoveredUrl, "sectriage", "", dir.resolve("sectriage.h2.sql").toString(),
                java.nio.charset.StandardCharsets.UTF_8, false);

        assertEveryMessageIsIn(recoveredUrl);
    }

    @Test
    void theDaemonsOpensKeepItReadableWithEveryMessage() {
        for (int i = 0; i < OPENS; i++) {
            Database.open(url, DatabaseFile.USER, null).close();
        }

        assertEveryMessageIsIn(url);
    }

    @Test
    void readingItAgainAndAgainKeepsItReadableWithEveryMessage() {
        for (int i = 0; i < OPENS; i++) {
            assertEveryMessageIsIn(url);
        }
    }

    /** Opens and closes the file with H2 alone until it fails: the failure, or null after {@link #OPENS}. */
    private SQLException unreadableAfterPlainOpens() {
        for (int opens = 0; opens < OPENS; opens++) {
            try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sectriage", "");
                 Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM inbound_message").close();
            } catch (SQLException e) {
                return e;
            }
        }
        return null;
    }

    private static void assertEveryMessageIsIn(String url) {
        try (Database db = Database.openToRead(url, "sectriage", null)) {
            CaseDatabase read = new CaseDatabase(db);
            assertThat(read.count("SELECT COUNT(*) FROM inbound_message")).isEqualTo(MESSAGES);
            assertThat(read.count("SELECT SUM(LENGTH(raw)) FROM inbound_message")).isEqualTo(RAW_BYTES);
        }
    }
}
