package org.sectriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sectriage classify}: one JSON line per file, an error object for a file it cannot read. */
class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/mail/classify/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void printsOneJsonObjectPerFileWithExactlyTheFieldsOfTheIssue() throws IOException {
        Path cvss = fixture("report-with-cvss31-vector.eml");
        Path spam = fixture("marketing-spam-seo-services.eml");

        CliRun run = CliRun.of("classify", "--supported-versions=2.4,2.5", cvss.toString(), spam.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).hasSize(2);
        JsonNode report = lines.get(0);
        List<String> names = new ArrayList<>();
        report.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("file", "kind", "vuln_class", "cwe", "severity", "severity_source",
                "cvss_vector", "cvss_score", "missing", "unsupported_version");
        assertThat(report.get("file").asText()).isEqualTo(cvss.toString());
        assertThat(report.get("kind").asText()).isEqualTo("security");
        assertThat(report.get("vuln_class").asText()).isEqualTo("sqli");
        assertThat(report.get("cwe").get(0).asText()).isEqualTo("CWE-89");
        assertThat(report.get("severity_source").asText()).isEqualTo("cvss");
        assertThat(report.get("cvss_score").asDouble()).isEqualTo(9.1);
        assertThat(report.get("missing").isArray()).isTrue();
        assertThat(report.get("unsupported_version").asText()).isEqualTo("1.8.3");
        assertThat(lines.get(1).get("kind").asText()).isEqualTo("spam");
        assertThat(lines.get(1).get("vuln_class").asText()).isEqualTo("none");
        assertThat(lines.get(1).get("cvss_vector").isNull()).isTrue();
    }

    @Test
    void aReplyToOurMailIsAFollowUpNotANewReport() throws IOException {
        Path reply = fixture("reporter-reply-to-an-acknowledgement.eml");

        CliRun run = CliRun.of("classify", reply.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(lines(run.out()).get(0).get("kind").asText()).isEqualTo("follow-up");
    }

    @Test
    void unreadableFileGetsAnErrorObjectAndTheOthersAreStillClassified() throws IOException {
        Path missing = dir.resolve("no-such-message.eml");
        Path feature = fixture("feature-request-dark-mode.eml");

        CliRun run = CliRun.of("classify", missing.toString(), feature.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("file").asText()).isEqualTo(missing.toString());
        assertThat(lines.get(0).get("error").asText()).contains("no-such-message.eml");
        assertThat(lines.get(0).has("kind")).isFalse();
        assertThat(lines.get(1).get("kind").asText()).isEqualTo("not-security");
    }

    @Test
    void badExtraRulesFileIsAUserErrorNamingFileAndLine() throws IOException {
        Path rules = Files.writeString(dir.resolve("site-rules.yaml"), "classes:\n  xss:\n    severity: urgent\n");

        CliRun run = CliRun.of("classify", "--rules", rules.toString(), fixture("feature-request-dark-mode.eml").toString());

        assertThat(run.exitCode()).isEqualTo(CliErrors.USER_ERROR);
        assertThat(run.err()).contains("site-rules.yaml line 3, key classes.xss.severity");
        assertThat(run.out()).isEmpty();
    }
}
