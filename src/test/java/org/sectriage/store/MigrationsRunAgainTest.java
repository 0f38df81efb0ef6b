package org.sectriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectriage.testing.DatabaseFile;

/**
 * Every SQL migration from V10 on runs again over its own result: H2 commits each of its DDL statements on
 * its own, so a migration cut short by a crash is run again at the next start over what it had done.
 */
class MigrationsRunAgainTest {

    /** The first migration written to this rule; those before it ran on new databases only, when released. */
    private static final int FIRST = 10;
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__.+\\.sql");

    @TempDir
    Path dir;

    @Test
    void eachMigrationFromV10OnRunsAgainOverItsOwnResult() throws Exception {
        String url = DatabaseFile.in(dir).url();
        List<String> checked = new ArrayList<>();
        for (MigrationInfo m : flyway(url, null).info().all()) {
            Matcher name = SCRIPT.matcher(m.getScript());
            if (!name.matches() || Integer.parseInt(name.group(1)) < FIRST) {
                continue;
            }
            flyway(url, m.getVersion().getVersion()).migrate();
            String script = read("db/migration/" + m.getScript());
            try (Connection c = DriverManager.getConnection(url, "sectriage", ""); Statement s = c.createStatement()) {
                for (String statement : statements(script)) {
                    assertThatCode(() -> s.execute(statement)).as("%s run again: %s", m.getScript(), statement)
                            .doesNotThrowAnyException();
                }
            }
            checked.add(m.getScript());
        }
        assertThat(checked).as("the migrations held to the rule").contains("V10__automatic_answer_counts.sql");
    }

    private static Flyway flyway(String url, String target) {
        var config = Database.schemaMigrations().dataSource(url, "sectriage", "");
        return (target == null ? config : config.target(target)).load();
    }

    private static String read(String resource) throws Exception {
        try (InputStream in = MigrationsRunAgainTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's statements: its comment lines dropped, split at the semicolons that end a line. */
    private static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        script.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> sql.append(l).append('\n'));
        List<String> out = new ArrayList<>();
        for (String part : sql.toString().split(";\\s*\n")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
