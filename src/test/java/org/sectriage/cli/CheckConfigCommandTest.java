package org.sectriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-config} says whether sectriage can start with a config, and exactly what is wrong if not. */
class CheckConfigCommandTest {

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void copyShippedExampleWithItsCredentialFiles() throws IOException {
        config = dir.resolve("sectriage.yaml");
        Files.copy(Path.of("config/sectriage.example.yaml"), config);
        Files.writeString(dir.resolve("imap-password"), "imap secret");
        Files.writeString(dir.resolve("smtp-password"), "smtp secret");
    }

    @Test
    void shippedExampleConfigPasses() {
        CliRun run = CliRun.of("check-config", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("OK", "security@example.org", "imap.example.org:993");
    }

    @Test
    void aKeyUrlThatInvitesEncryptedReportsWithNoKeyToDecryptThemIsWarnedOf() throws IOException {
        CliRun invited = CliRun.of("check-config", "--config", config.toString());
        Files.writeString(config, Files.readString(config)
                .replace("  key-url: https://example.org/.well-known/security-key.asc\n", ""));
        CliRun notInvited = CliRun.of("check-config", "--config", config.toString());

        assertThat(invited.exitCode()).isZero();
        assertThat(invited.out()).contains("project.key-url invites encrypted reports, but openpgp.secret-keys"
                + " names no key to decrypt them");
        assertThat(notInvited.exitCode()).as(notInvited.err()).isZero();
        assertThat(notInvited.out()).doesNotContain("project.key-url");
    }

    @Test
    void aBareLatestAmongTheSupportedVersionsIsWarnedOfAndLatestWithItsReleaseIsNot() throws IOException {
        String text = Files.readString(config);
        Files.writeString(config, text.replace("  supported-versions: []", "  supported-versions: [latest]"));
        CliRun bare = CliRun.of("check-config", "--config", config.toString());
        Files.writeString(config, text.replace("  supported-versions: []", "  supported-versions: [latest=2.4.1]"));
        CliRun withRelease = CliRun.of("check-config", "--config", config.toString());

        assertThat(bare.exitCode()).as(bare.err()).isZero();
        assertThat(bare.out()).contains("classification.supported-versions: \"latest\" names no version");
        assertThat(withRelease.exitCode()).as(withRelease.err()).isZero();
        assertThat(withRelease.out()).doesNotContain("supported-versions");
    }

    @Test
    void aLoginWithoutTlsToAnotherMachineIsWarnedOfAndOneToThisMachineIsNot() throws IOException {
        String text = Files.readString(config);
        Files.writeString(config, text.replace("  security: ssl\n", "  security: none\n")
                .replace("  security: starttls\n", "  security: none\n"));
        CliRun remote = CliRun.of("check-config", "--config", config.toString());
        Files.writeString(config, text.replace("  security: ssl\n", "  security: none\n")
                .replace("host: imap.example.org", "host: 127.0.0.1").replace("host: smtp.example.org", "host: localhost")
                .replace("  security: starttls\n", "  security: none\n"));
        CliRun local = CliRun.of("check-config", "--config", config.toString());

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(remote.out()).contains("mailbox.security is none: the IMAP password for security@example.org and"
                + " every report cross the network to imap.example.org in plaintext")
                .contains("smtp.security is none: the SMTP password for");
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).doesNotContain("in plaintext");
    }

    @Test
    void aWrongValueIsReportedWithItsKeyAndLineAndExitCode2() throws IOException {
        String text = Files.readString(config).replace("  port: 993", "  port: imap");
        Files.writeString(config, text);
        int line = text.lines().toList().indexOf("  port: imap") + 1;

        CliRun run = CliRun.of("check-config", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("config key mailbox.port at line " + line).contains("'imap'");
    }

    @Test
    void aMissingFileIsReportedNotThrown() {
        CliRun run = CliRun.of("check-config", "--config", dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.yaml").doesNotContain("Exception");
    }

    @Test
    void aTemplateNamingAnUnknownValueFailsTheCheck() throws IOException {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("acknowledgement.mustache"),
                "Subject: {{case.tag}} received\n\nHello {{reporter.nickname}}\n");
        Files.writeString(config, Files.readString(config).replace("  # directory: templates", "  directory: templates"));

        CliRun run = CliRun.of("check-config", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("acknowledgement.mustache").contains("nickname");
    }
}
