package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.classify.report.ReportFeatures;
import org.sectriage.testing.DatabaseFile;

/** A database an earlier version left is brought up to date when the daemon opens it, its cases kept. */
class DatabaseUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseWithDuplicateKeyRowsUpgradesToKeysInMemoryAndKeepsItsCasesFeatures() throws Exception {
        String url = DatabaseFile.in(dir).url();
        Database.schemaMigrations().dataSource(url, "sectriage", "")
                .target("8").load().migrate();
        ReportFeatures features = ReportFeatures.of("Stored XSS in src/views/comment.html: comments are not escaped",
                "xss");
        try (Connection c = DriverManager.getConnection(url, "sectriage", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO security_case (id, state, subject, reporter, opened_at, updated_at, vuln_class)"
                    + " VALUES ('SEC-2026-0001', 'acknowledged', 'XSS', 'r@researcher.example', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP, 'xss')");
            s.execute("INSERT INTO case_features (case_id, terms, locations) VALUES ('SEC-2026-0001', '"
                    + features.termsText() + "', '" + features.locationsText() + "')");
            s.execute("INSERT INTO case_band (band_key, case_id) VALUES (42, 'SEC-2026-0001')");
        }

        try (Database db = Database.open(url, DatabaseFile.USER, null)) {
            Map<String, ReportFeatures> open = new LinkedHashMap<>();
            db.run(c -> new JdbcCaseStore(c).forEachCaseFeatures(open::put));
            int version = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            int bandTables = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'CASE_BAND'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });

            assertThat(version).isGreaterThanOrEqualTo(9);
            assertThat(bandTables).isZero();
            assertThat(open).containsOnlyKeys("SEC-2026-0001");
            assertThat(open.get("SEC-2026-0001").candidateKeys()).isEqualTo(features.candidateKeys());
            assertThat(open.get("SEC-2026-0001").vulnClass()).isEqualTo("xss");
        }
    }
}
