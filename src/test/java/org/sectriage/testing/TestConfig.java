package org.sectriage.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.sectriage.config.Secret;
import org.sectriage.config.SectriageConfig;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.config.SectriageConfig.TransportSecurity;
import org.sectriage.domain.EmailAddress;

/** Configurations for tests: a daemon watching a GreenMail mailbox, with short timers. */
public final class TestConfig {

    public static final String SECURITY = "security@project.example";
    public static final String PASSWORD = "secret";
    public static final String PRIMARY = "maria@project.example";
    public static final String SECONDARY = "sam@project.example";

    private TestConfig() {
    }

    /** A config for IMAP at {@code imapPort} and SMTP at {@code smtpPort} on loopback, H2 under {@code dir}. */
    public static SectriageConfig of(int imapPort, int smtpPort, Path dir) {
        return of(imapPort, smtpPort, dir, 5, 200);
    }

    /** As {@link #of(int, int, Path)}, with the acknowledgement limits per sender and in all, per hour. */
    public static SectriageConfig of(int imapPort, int smtpPort, Path dir, int maxAcknowledgementsPerSender,
                                     int maxAcknowledgements) {
        return new SectriageConfig(
                new SectriageConfig.Project("Example Project", EmailAddress.of(SECURITY),
                        "https://tracker.project.example/issues", "https://project.example/security.asc",
                        ZoneOffset.UTC),
                new SectriageConfig.Mailbox("127.0.0.1", imapPort, TransportSecurity.NONE, SECURITY,
                        Secret.inline(PASSWORD), "INBOX", "sectriage-processed", true, Duration.ofMillis(200),
                        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), 200),
                new SectriageConfig.Smtp("127.0.0.1", smtpPort, TransportSecurity.NONE, null, null,
                        Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10)),
                new SectriageConfig.Database(DatabaseFile.in(dir).url(), "sectriage",
                        null),
                List.of(new SectriageConfig.Maintainer("Maria Maintainer", EmailAddress.of(PRIMARY),
                                CoordinatorRole.PRIMARY),
                        new SectriageConfig.Maintainer("Sam Second", EmailAddress.of(SECONDARY),
                                CoordinatorRole.SECONDARY)),
                SectriageConfig.Policy.calendar(Duration.ofHours(48), Duration.ofDays(3), Duration.ofDays(5), null,
                        Duration.ofDays(1), ZoneOffset.UTC),
                new SectriageConfig.Acknowledgement(maxAcknowledgementsPerSender, maxAcknowledgements),
                new SectriageConfig.ClassificationSettings(null, List.of(), List.of(), 0.5,
                        SectriageConfig.NotSecurityHandling.POINT_TO_TRACKER, SectriageConfig.SpamHandling.SET_ASIDE),
                new SectriageConfig.OpenPgp(List.of(), dir.resolve("keys"), SectriageConfig.MaintainersWithoutKey.NOTICE,
                        true, 25L << 20, Duration.ofSeconds(30)),
                new SectriageConfig.MaintainerAuthentication(SectriageConfig.AuthenticationMode.SIGNATURE_OR_DKIM,
                        List.of("mx.project.example")),
                new SectriageConfig.Advisory("example-project", "project.example", "https://project.example", null, null),
                new SectriageConfig.Templates(null),
                new SectriageConfig.Limits(50L * 1024 * 1024, 1000, 65536, 100_000, 50, 1024 * 1024),
                new SectriageConfig.Outbox(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofHours(4),
                        Duration.ofMillis(300)));
    }

    /** {@code c} with classification settings {@code settings}. */
    public static SectriageConfig withClassification(SectriageConfig c, SectriageConfig.ClassificationSettings settings) {
        return new Changed(c).classification(settings).build();
    }

    /** {@code c} with the OpenPGP settings {@code openpgp}. */
    public static SectriageConfig withOpenPgp(SectriageConfig c, SectriageConfig.OpenPgp openpgp) {
        return new Changed(c).openpgp(openpgp).build();
    }

    /** {@code c} with the maintainers {@code maintainers}. */
    public static SectriageConfig withMaintainers(SectriageConfig c, List<SectriageConfig.Maintainer> maintainers) {
        return new Changed(c).maintainers(maintainers).build();
    }

    /** {@code c} with the maintainer authentication {@code auth}. */
    public static SectriageConfig withAuthentication(SectriageConfig c, SectriageConfig.MaintainerAuthentication auth) {
        return new Changed(c).authentication(auth).build();
    }

    /** {@code c} with the policy {@code policy}. */
    public static SectriageConfig withPolicy(SectriageConfig c, SectriageConfig.Policy policy) {
        return new Changed(c).policy(policy).build();
    }

    /** {@code c} with stored mail moved to {@code processedFolder}. */
    public static SectriageConfig withProcessedFolder(SectriageConfig c, String processedFolder) {
        return new Changed(c).mailbox(mailbox(c.mailbox(), c.mailbox().security(), processedFolder)).build();
    }

    /** {@code c} with IMAP and SMTP over TLS from the start (GreenMail's IMAPS and SMTPS). */
    public static SectriageConfig overTls(SectriageConfig c) {
        SectriageConfig.Smtp s = c.smtp();
        return new Changed(c).mailbox(mailbox(c.mailbox(), TransportSecurity.SSL, c.mailbox().processedFolder()))
                .smtp(new SectriageConfig.Smtp(s.host(), s.port(), TransportSecurity.SSL, s.username(), s.password(),
                        s.connectTimeout(), s.readTimeout(), s.writeTimeout()))
                .build();
    }

    private static SectriageConfig.Mailbox mailbox(SectriageConfig.Mailbox m, TransportSecurity security,
                                                   String processedFolder) {
        return new SectriageConfig.Mailbox(m.host(), m.port(), security, m.username(), m.password(), m.folder(),
                processedFolder, m.idle(), m.pollInterval(), m.idleRefresh(), m.connectTimeout(), m.readTimeout(),
                m.fetchBatch());
    }

    /** A test config with some sections replaced. */
    private static final class Changed {
        private final SectriageConfig c;
        private SectriageConfig.Mailbox mailbox;
        private SectriageConfig.Smtp smtp;
        private List<SectriageConfig.Maintainer> maintainers;
        private SectriageConfig.Policy policy;
        private SectriageConfig.ClassificationSettings classification;
        private SectriageConfig.OpenPgp openpgp;
        private SectriageConfig.MaintainerAuthentication authentication;

        Changed(SectriageConfig c) {
            this.c = c;
            this.mailbox = c.mailbox();
            this.smtp = c.smtp();
            this.maintainers = c.maintainers();
            this.policy = c.policy();
            this.classification = c.classification();
            this.openpgp = c.openpgp();
            this.authentication = c.maintainerAuthentication();
        }

        Changed mailbox(SectriageConfig.Mailbox value) {
            this.mailbox = value;
            return this;
        }

        Changed smtp(SectriageConfig.Smtp value) {
            this.smtp = value;
            return this;
        }

        Changed maintainers(List<SectriageConfig.Maintainer> value) {
            this.maintainers = value;
            return this;
        }

        Changed policy(SectriageConfig.Policy value) {
            this.policy = value;
            return this;
        }

        Changed classification(SectriageConfig.ClassificationSettings value) {
            this.classification = value;
            return this;
        }

        Changed openpgp(SectriageConfig.OpenPgp value) {
            this.openpgp = value;
            return this;
        }

        Changed authentication(SectriageConfig.MaintainerAuthentication value) {
            this.authentication = value;
            return this;
        }

        SectriageConfig build() {
            return new SectriageConfig(c.project(), mailbox, smtp, c.database(), maintainers, policy,
                    c.acknowledgement(), classification, openpgp, authentication, c.advisory(), c.templates(),
                    c.limits(), c.outbox());
        }
    }

    /**
     * The same configuration as YAML, for a daemon started as its own process; the IMAP password is
     * written to a file beside it.
     */
    public static java.nio.file.Path writeYaml(int imapPort, int smtpPort, Path dir) throws java.io.IOException {
        return writeYaml(imapPort, smtpPort, dir, "");
    }

    /**
     * As {@link #writeYaml(int, int, Path)}, with {@code moreSections} (whole top-level YAML sections the
     * base file does not have, such as {@code acknowledgement:}) appended.
     */
    public static java.nio.file.Path writeYaml(int imapPort, int smtpPort, Path dir, String moreSections)
            throws java.io.IOException {
        Path password = dir.resolve("imap-password");
        java.nio.file.Files.writeString(password, PASSWORD);
        Path file = dir.resolve("sectriage.yaml");
        java.nio.file.Files.writeString(file, """
                project:
                  name: Example Project
                  security-address: %s
                  tracker-url: https://tracker.project.example/issues
                mailbox:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  username: %s
                  password-file: %s
                  poll-interval: 1s
                  idle-refresh: 5s
                  read-timeout: 30s
                smtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                database:
                  url: jdbc:h2:file:%s
                maintainers:
                  - name: Maria Maintainer
                    email: %s
                    role: primary
                  - name: Sam Second
                    email: %s
                    role: secondary
                outbox:
                  retry-initial: 1s
                  retry-max: 5s
                  drain-interval: 1s
                """.formatted(SECURITY, imapPort, SECURITY, password.toAbsolutePath(), smtpPort,
                dir.resolve("sectriage").toAbsolutePath(), PRIMARY, SECONDARY) + moreSections);
        return file;
    }
}
