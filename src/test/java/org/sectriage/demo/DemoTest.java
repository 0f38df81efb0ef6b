package org.sectriage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo a newcomer runs first: every sample mail ends up where the table says. */
class DemoTest {

    @Test
    void demoPrintsWhatBecameOfEachSampleMail() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (Demo demo = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
            assertThat(demo.run(false)).isZero();
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(row(lines, "report, plain text")).contains("report", "yes");
        assertThat(row(lines, "report, German")).contains("juergen@sicherheit.example", "acknowledged", "yes");
        assertThat(row(lines, "follow-up")).contains("follow-up", "no (follow-up)");
        assertThat(row(lines, "out-of-office")).contains("auto-reply", "no (auto-reply)");
        assertThat(row(lines, "stranger")).contains("mallory@elsewhere.example", "yes").contains("SEC-");
        assertThat(row(lines, "report, OpenPGP/MIME encrypted")).contains("kim@privacy.example", "acknowledged", "yes");
        assertThat(row(lines, "feature request")).contains("not-security", "no (not-security)");
        assertThat(row(lines, "maintainer reply")).contains("confirmed");
        assertThat(row(lines, "report, plain text")).contains("confirmed");
        String all = String.join("\n", lines);
        assertThat(all).containsPattern("Maintainers received \\d+ mail\\(s\\)")
                .contains("arrived OpenPGP-encrypted").contains("classified it path-traversal")
                .contains("Mail sectriage sent that holds its text in plaintext: 0")
                .contains("| Thanks Alex, we can reproduce it");
    }

    private static String row(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for '" + label + "' in:\n" + String.join("\n", lines)));
    }
}
