package org.sectriage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.config.SectriageConfig.TransportSecurity;
import org.sectriage.domain.EmailAddress;

class ConfigLoaderTest {

    /** The smallest valid config: only required keys. Line numbers in the tests below count from here. */
    private static final String MINIMAL = """
            project:
              name: Example
              security-address: security@example.org
              tracker-url: https://example.org/issues
            mailbox:
              host: imap.example.org
              username: security
              password-file: imap-password
            smtp:
              host: smtp.example.org
            maintainers:
              - name: Alice
                email: alice@example.org
                role: primary
            """;

    @TempDir
    Path configDir;

    @TempDir
    Path credentialsDir;

    @BeforeEach
    void writeCredentials() throws IOException {
        Files.writeString(credentialsDir.resolve("imap-password"), "imap secret\n");
        Files.writeString(credentialsDir.resolve("smtp-password"), "smtp secret\n");
    }

    // --- values and defaults ---

    @Test
    void fillsDefaultsForEveryOptionalKey() {
        SectriageConfig config = parse(MINIMAL);

        assertEquals("Example", config.project().name());
        assertEquals(EmailAddress.of("security@example.org"), config.project().securityAddress());
        assertNull(config.project().keyUrl());
        assertEquals(ZoneId.of("UTC"), config.project().timeZone());

        SectriageConfig.Mailbox mailbox = config.mailbox();
        assertEquals(993, mailbox.port());
        assertEquals(TransportSecurity.SSL, mailbox.security());
        assertEquals("INBOX", mailbox.folder());
        assertEquals("sectriage-processed", mailbox.processedFolder());
        assertTrue(mailbox.idle());
        assertEquals(Duration.ofSeconds(60), mailbox.pollInterval());
        assertEquals(Duration.ofMinutes(9), mailbox.idleRefresh());
        assertEquals(Duration.ofSeconds(30), mailbox.connectTimeout());
        assertEquals(Duration.ofMinutes(10), mailbox.readTimeout());
        assertEquals(200, mailbox.fetchBatch());

        SectriageConfig.Smtp smtp = config.smtp();
        assertEquals(587, smtp.port());
        assertEquals(TransportSecurity.STARTTLS, smtp.security());
        assertNull(smtp.username());
        assertNull(smtp.password());
        assertEquals(Duration.ofSeconds(30), smtp.connectTimeout());
        assertEquals(Duration.ofSeconds(60), smtp.readTimeout());
        assertEquals(Duration.ofSeconds(60), smtp.writeTimeout());

        assertEquals("sectriage", config.database().user());
        assertNull(config.database().password());

        assertEquals(CoordinatorRole.PRIMARY, config.maintainers().get(0).role());

        assertEquals(Duration.ofHours(48), config.policy().acknowledgeWithin());
        assertEquals(Duration.ofDays(3), config.policy().firstResponseWithin());
        assertEquals(Duration.ofDays(5), config.policy().escalateAfterSilence());
        assertNull(config.policy().timelineText());

        assertEquals(new SectriageConfig.Acknowledgement(5, 200), config.acknowledgement());
        assertNull(config.templates().directory());

        assertEquals(new SectriageConfig.Limits(50L * 1024 * 1024, 1000, 65536, 100_000, 50, 1024 * 1024),
                config.limits());
        assertEquals(new SectriageConfig.Outbox(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(4),
                Duration.ofSeconds(30)), config.outbox());
    }

    @Test
    void maintainerRoleDefaultsToMember() {
        SectriageConfig config = parse(MINIMAL + """
                  - name: Bob
                    email: bob@example.org
                """);

        assertEquals(CoordinatorRole.MEMBER, config.maintainers().get(1).role());
    }

    @Test
    void defaultPortsFollowTransportSecurity() {
        SectriageConfig starttls = parse(MINIMAL
                .replace("  host: imap.example.org\n", "  host: imap.example.org\n  security: starttls\n")
                .replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  security: ssl\n"));
        SectriageConfig plain = parse(MINIMAL
                .replace("  host: imap.example.org\n", "  host: imap.example.org\n  security: none\n")
                .replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  security: none\n"));

        assertEquals(143, starttls.mailbox().port());
        assertEquals(465, starttls.smtp().port());
        assertEquals(143, plain.mailbox().port());
        assertEquals(25, plain.smtp().port());
    }

    @Test
    void readsDurationsAndSizesAsWritten() {
        SectriageConfig config = parse(MINIMAL + """
                policy:
                  acknowledge-within: 1d
                  first-response-within: 1h30m
                limits:
                  max-message-size: 25MB
                  max-body-text: 512KB
                """);

        assertEquals(Duration.ofHours(24), config.policy().acknowledgeWithin());
        assertEquals(Duration.ofMinutes(90), config.policy().firstResponseWithin());
        assertEquals(25L * 1024 * 1024, config.limits().maxMessageSize());
        assertEquals(512 * 1024, config.limits().maxBodyText());
    }

    @Test
    void placesDefaultDatabaseInSystemdStateDirectory() {
        Path state = configDir.resolve("state");
        SectriageConfig config = ConfigLoader.parse(MINIMAL, "sectriage.yaml",
                new ConfigDirectories(configDir, credentialsDir, state));

        assertEquals("jdbc:h2:file:" + state.toAbsolutePath() + "/sectriage", config.database().url());
    }

    @Test
    void placesDefaultDatabaseInDataDirectoryWithoutStateDirectory() {
        SectriageConfig config = ConfigLoader.parse(MINIMAL, "sectriage.yaml",
                new ConfigDirectories(configDir, credentialsDir, null));

        assertEquals("jdbc:h2:file:./data/sectriage", config.database().url());
    }

    // --- errors name the key and the line ---

    @Test
    void reportsWrongTypeWithKeyAndLine() {
        List<String> errors = errorsOf(MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  port: imap\n"));

        assertEquals(List.of("config key mailbox.port at line 7: expected a whole number from 1 to 65535, got 'imap'"), errors);
    }

    @Test
    void reportsWrongShapeWithKeyAndLine() {
        List<String> errors = errorsOf(MINIMAL.replace("  name: Example\n", "  name: [Example]\n"));

        assertEquals(List.of("config key project.name at line 2: expected some text, got a list"), errors);
    }

    @Test
    void reportsUnknownKeyWithSuggestions() {
        List<String> errors = errorsOf(MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  prot: 993\n"));

        assertEquals(List.of("config key mailbox.prot at line 7: unknown key (did you mean 'port'?); known keys here:"
                + " host, port, security, username, password-file, folder, processed-folder, idle, poll-interval,"
                + " idle-refresh, connect-timeout, read-timeout, fetch-batch"), errors);
    }

    @Test
    void suggestsKebabCaseForOtherSpellings() {
        List<String> errors = errorsOf(MINIMAL + """
                outbox:
                  retryInitial: 10s
                """);

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("config key outbox.retryInitial at line 16: unknown key (did you mean 'retry-initial'?)"),
                errors.get(0));
    }

    @Test
    void reportsUnknownSection() {
        List<String> errors = errorsOf(MINIMAL + "logging: debug\n");

        assertEquals(List.of("config key logging at line 15: unknown key; known keys here: project, mailbox, smtp,"
                + " database, maintainers, policy, acknowledgement, classification, openpgp, maintainer-authentication, advisory, templates, limits, outbox"), errors);
    }

    @Test
    void readsClassificationSettingsWithListsOfVersionsAndItems() {
        SectriageConfig config = parse(MINIMAL + """
                classification:
                  supported-versions: [">=2.4", "3.0"]
                  ask-for: [affected-versions, reproduction-steps]
                  duplicate-threshold: 0.7
                  not-security: treat-as-report
                """);

        assertEquals(List.of(">=2.4", "3.0"), config.classification().supportedVersions());
        assertEquals(List.of("affected-versions", "reproduction-steps"), config.classification().askFor());
        assertEquals(0.7, config.classification().duplicateThreshold());
        assertEquals(SectriageConfig.NotSecurityHandling.TREAT_AS_REPORT, config.classification().notSecurity());
        assertEquals(SectriageConfig.SpamHandling.SET_ASIDE, config.classification().spam());
    }

    @Test
    void reportsEachWrongClassificationValueWithItsKeyAndLine() {
        List<String> errors = errorsOf(MINIMAL + """
                classification:
                  supported-versions: [two]
                  ask-for: [affected-versions, exploit-video]
                  duplicate-threshold: 2
                """);

        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("config key classification.supported-versions at line 16: "), errors.get(0));
        assertTrue(errors.get(1).startsWith("config key classification.ask-for at line 17: no completeness item"
                + " 'exploit-video'; the rules have issue-type, affected-versions, reproduction-steps"), errors.get(1));
        assertEquals("config key classification.duplicate-threshold at line 18: expected a number from 0 to 1 such as"
                + " 0.5, got '2'", errors.get(2));
    }

    @Test
    void readsBusinessTimeIntoThePolicysDeadlines() {
        SectriageConfig config = parse(MINIMAL + """
                policy:
                  first-response-within: 3d
                  remind-before: 4h
                  business-time:
                    time-zone: Europe/Berlin
                    working-days: [MON, TUE, WED, THU, FRI]
                    working-hours: [09:00-12:00, 13:00-17:00]
                    holidays: [2026-12-24, 11-24]
                    basis:
                      first-response-within: working-days
                """);

        var sla = config.policy().sla();
        assertEquals(org.sectriage.sla.TimeBasis.WORKING_DAYS, sla.firstResponse().basis());
        assertEquals(org.sectriage.sla.TimeBasis.CALENDAR, sla.acknowledge().basis());
        assertEquals(java.time.Duration.ofHours(4), sla.reminderLead());
        // Friday 2026-11-20 16:00 Berlin: three business days later, with 24 November a holiday every year, is
        // Thursday at the same time.
        assertEquals(java.time.Instant.parse("2026-11-26T15:00:00Z"),
                sla.due(java.time.Instant.parse("2026-11-20T15:00:00Z"), sla.firstResponse()));
    }

    @Test
    void reportsEachWrongBusinessTimeValueWithItsKeyAndLine() {
        List<String> errors = errorsOf(MINIMAL + """
                policy:
                  remind-before: 5d
                  business-time:
                    working-days: [MON, Funday]
                    working-hours: [9-17]
                    holidays: [12-32]
                    basis:
                      acknowledge-within: fortnights
                """);

        assertEquals(List.of(
                "config key policy.remind-before at line 16: remind-before (5d) must be shorter than"
                        + " first-response-within (3d), or the reminder would come before the report",
                "config key policy.business-time.working-days[1] at line 18: expected a day of the week such as MON"
                        + " or MONDAY, got 'Funday'",
                "config key policy.business-time.working-hours[0] at line 19: expected working hours such as"
                        + " 09:00-17:00, got '9-17'",
                "config key policy.business-time.holidays[0] at line 20: expected a date such as 2026-12-24, or a month"
                        + " and day such as 12-25 for every year, got '12-32'",
                "config key policy.business-time.basis.acknowledge-within at line 22: expected one of calendar,"
                        + " working-hours, working-days, got 'fortnights'"), errors);
    }

    @Test
    void reportsMissingRequiredKeyWithItsSectionAndLine() {
        List<String> errors = errorsOf(MINIMAL.replace("  host: imap.example.org\n", ""));

        assertEquals(List.of("config key mailbox.host: required, missing from 'mailbox' at line 5"), errors);
    }

    @Test
    void reportsMissingSectionOnceNotEachOfItsKeys() {
        List<String> errors = errorsOf(MINIMAL.replace("smtp:\n  host: smtp.example.org\n", ""));

        assertEquals(List.of("config key smtp: required, missing from the top level of the file"), errors);
    }

    @Test
    void reportsRequiredKeyWithoutValue() {
        List<String> errors = errorsOf(MINIMAL.replace("  name: Example\n", "  name:\n"));

        assertEquals(List.of("config key project.name at line 2: required, but has no value; expected some text"), errors);
    }

    @Test
    void treatsOptionalKeyWithoutValueAsDefault() {
        SectriageConfig config = parse(MINIMAL + "policy:\n  acknowledge-within:\n");

        assertEquals(Duration.ofHours(48), config.policy().acknowledgeWithin());
    }

    @Test
    void rejectsKeyGivenTwice() {
        List<String> errors = errorsOf(MINIMAL.replace("  name: Example\n", "  name: Example\n  name: Other\n"));

        assertEquals(List.of("config key project.name at line 3: given twice; first at line 2, keep one"), errors);
    }

    @Test
    void collectsAllErrorsAtOnce() {
        List<String> errors = errorsOf("""
                project:
                  name: Example
                  security-address: security
                  tracker-url: https://example.org/issues
                  time-zone: Mars/Olympus
                mailbox:
                  host: imap.example.org
                  port: 99999
                  username: security
                  password-file: imap-password
                  idle: yes
                smtp:
                  host: smtp.example.org
                maintainers:
                  - name: Alice
                    email: alice@example.org
                    role: boss
                policy:
                  acknowledge-within: two days
                """);

        assertEquals(List.of(
                "config key project.security-address at line 3: expected an email address such as security@example.org, got 'security'",
                "config key project.time-zone at line 5: expected a time zone such as UTC or Europe/Berlin, got 'Mars/Olympus'",
                "config key mailbox.port at line 8: expected a whole number from 1 to 65535, got '99999'",
                "config key mailbox.idle at line 11: expected true or false, got 'yes'",
                "config key maintainers[0].role at line 17: expected one of primary, secondary, member, got 'boss'",
                "config key policy.acknowledge-within at line 19: expected a duration longer than zero, in "
                        + Durations.ACCEPTED_FORM + ", got 'two days'"), errors);
    }

    @Test
    void exceptionMessageListsOneErrorPerLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(MINIMAL
                .replace("  name: Example\n", "")
                .replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  port: 0\n")));

        assertEquals("config key project.name: required, missing from 'project' at line 1\n"
                + "config key smtp.port at line 10: expected a whole number from 1 to 65535, got '0'", e.getMessage());
        assertEquals("sectriage.yaml", e.sourceName());
        assertEquals(new ConfigError("smtp.port", 10, "expected a whole number from 1 to 65535, got '0'"), e.errors().get(1));
    }

    @Test
    void reportsYamlSyntaxErrorWithLine() {
        List<String> errors = errorsOf(MINIMAL.replace("  username: security\n", "  username: security: admin\n"));

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("config at line 7: not valid YAML: mapping values are not allowed here"),
                errors.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "# only a comment\n"})
    void rejectsEmptyFile(String text) {
        List<String> errors = errorsOf(text);

        assertEquals(List.of("config: sectriage.yaml is empty; it needs at least the sections project, mailbox, smtp"
                + " and maintainers (see config/sectriage.example.yaml)"), errors);
    }

    @Test
    void rejectsFileThatIsNotAMapping() {
        List<String> errors = errorsOf("- project\n- mailbox\n");

        assertTrue(errors.get(0).startsWith("config at line 1: expected a mapping of keys to values, got a list"), errors.get(0));
    }

    @Test
    void reportsMissingConfigFile() {
        Path missing = configDir.resolve("nope.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));

        assertEquals("config: no such file: " + missing.toAbsolutePath(), e.getMessage());
    }

    @Test
    void loadsFileFromDisk() throws IOException {
        Path file = configDir.resolve("sectriage.yaml");
        Path password = credentialsDir.resolve("imap-password").toAbsolutePath();
        Files.writeString(file, MINIMAL.replace("password-file: imap-password", "password-file: " + password));

        SectriageConfig config = ConfigLoader.load(file);

        assertEquals("imap.example.org", config.mailbox().host());
        assertEquals("imap secret", config.mailbox().password().read());
    }

    // --- values that parse but are not acceptable ---

    @ParameterizedTest
    @ValueSource(strings = {"security", "security@", "@example.org", "security example.org", "Security <security@example.org>",
            "security@example.org, abuse@example.org", "sec urity@example.org"})
    void checksEmailAddressesStrictly(String address) {
        List<String> errors = errorsOf(MINIMAL.replace("security@example.org", "'" + address + "'"));

        assertEquals(List.of("config key project.security-address at line 3: expected an email address such as"
                + " security@example.org, got '" + address + "'"), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/issues", "example.org/issues", "https://", "not a url"})
    void requiresHttpOrHttpsTrackerUrl(String url) {
        List<String> errors = errorsOf(MINIMAL.replace("https://example.org/issues", "'" + url + "'"));

        assertEquals(List.of("config key project.tracker-url at line 4: expected an http or https URL such as"
                + " https://example.org/security, got '" + url + "'"), errors);
    }

    @Test
    void rejectsNumbersOutOfRange() {
        List<String> errors = errorsOf(MINIMAL
                .replace("  host: imap.example.org\n", "  host: imap.example.org\n  fetch-batch: 5001\n") + """
                acknowledgement:
                  max-per-sender-per-hour: -1
                limits:
                  max-nesting-depth: 0
                """);

        assertEquals(List.of(
                "config key mailbox.fetch-batch at line 7: expected a whole number from 1 to 5000, got '5001'",
                "config key acknowledgement.max-per-sender-per-hour at line 17: expected a whole number, 0 or more, got '-1'",
                "config key limits.max-nesting-depth at line 19: expected a whole number greater than zero, got '0'"), errors);
    }

    @Test
    void allowsZeroAcknowledgementsPerHour() {
        SectriageConfig config = parse(MINIMAL + "acknowledgement:\n  max-per-sender-per-hour: 0\n");

        assertEquals(0, config.acknowledgement().maxPerSenderPerHour());
    }

    @Test
    void requiresReadTimeoutLongerThanIdleRefresh() {
        List<String> errors = errorsOf(MINIMAL.replace("  host: imap.example.org\n",
                "  host: imap.example.org\n  idle-refresh: 9m\n  read-timeout: 5m\n"));

        assertEquals(List.of("config key mailbox.read-timeout at line 8: read-timeout (5m) must be longer than"
                + " idle-refresh (9m), or an idling connection times out"), errors);
    }

    @Test
    void rejectsReadTimeoutEqualToIdleRefresh() {
        List<String> errors = errorsOf(MINIMAL.replace("  host: imap.example.org\n",
                "  host: imap.example.org\n  read-timeout: 9m\n"));

        assertEquals(List.of("config key mailbox.read-timeout at line 7: read-timeout (9m) must be longer than"
                + " idle-refresh (9m), or an idling connection times out"), errors);
    }

    @Test
    void allowsRetryInitialEqualToRetryMax() {
        SectriageConfig config = parse(MINIMAL + "outbox:\n  retry-initial: 1h\n  retry-max: 60m\n");

        assertEquals(config.outbox().retryInitial(), config.outbox().retryMax());
    }

    @Test
    void requiresRetryInitialNoLongerThanRetryMax() {
        List<String> errors = errorsOf(MINIMAL + "outbox:\n  retry-initial: 2h\n");

        assertEquals(List.of("config key outbox.retry-initial at line 16: retry-initial (2h) must not be longer than"
                + " retry-max (1h)"), errors);
    }

    // --- maintainers ---

    @Test
    void requiresAPrimaryMaintainer() {
        List<String> errors = errorsOf(MINIMAL.replace("role: primary", "role: secondary"));

        assertEquals(List.of("config key maintainers at line 11: needs at least one maintainer with role: primary,"
                + " who is reminded of deadlines; got none"), errors);
    }

    @Test
    void requiresMaintainersSection() {
        List<String> errors = errorsOf(MINIMAL.substring(0, MINIMAL.indexOf("maintainers:")));

        assertEquals(List.of("config key maintainers: required, missing from the top level of the file"), errors);
    }

    @Test
    void requiresAtLeastOneMaintainer() {
        List<String> errors = errorsOf(MINIMAL.substring(0, MINIMAL.indexOf("maintainers:")) + "maintainers: []\n");

        assertEquals(List.of("config key maintainers at line 11: expected a list of maintainers, each with name, email"
                + " and role (primary, secondary or member), got an empty list"), errors);
    }

    @Test
    void rejectsDuplicateMaintainerEmailsIgnoringCase() {
        List<String> errors = errorsOf(MINIMAL + """
                  - name: Alice again
                    email: Alice@Example.org
                """);

        assertEquals(List.of("config key maintainers[1].email at line 16: 'Alice@Example.org' is already the email of"
                + " maintainers[0] at line 13; each maintainer needs an address of their own"), errors);
    }

    @Test
    void rejectsMaintainerWithTheSecurityAddress() {
        List<String> errors = errorsOf(MINIMAL.replace("alice@example.org", "security@example.org"));

        assertEquals(List.of("config key maintainers[0].email at line 13: is the security address itself; each"
                + " maintainer needs an address of their own"), errors);
    }

    // --- secrets ---

    @Test
    void rejectsPasswordInConfigText() {
        List<String> errors = errorsOf(MINIMAL.replace("  password-file: imap-password\n",
                "  password-file: imap-password\n  password: hunter2\n"));

        assertEquals(1, errors.size());
        String error = errors.get(0);
        assertTrue(error.startsWith("config key mailbox.password at line 9: passwords do not belong in the config file;"), error);
        assertTrue(error.contains("password-file"), error);
        assertFalse(error.contains("hunter2"), "the error must not repeat the password: " + error);
    }

    @Test
    void resolvesPasswordFileAgainstCredentialsDirectory() {
        SectriageConfig config = parse(MINIMAL);

        assertEquals(credentialsDir.resolve("imap-password").toAbsolutePath(), config.mailbox().password().file());
        assertEquals("imap secret", config.mailbox().password().read());
    }

    @Test
    void resolvesPasswordFileBesideConfigWithoutCredentialsDirectory() throws IOException {
        Files.writeString(configDir.resolve("imap-password"), "beside the config");

        SectriageConfig config = ConfigLoader.parse(MINIMAL, "sectriage.yaml", configDir, null);

        assertEquals("beside the config", config.mailbox().password().read());
    }

    @Test
    void takesAbsolutePasswordFileAsGiven() throws IOException {
        Path elsewhere = Files.writeString(configDir.resolve("elsewhere"), "absolute").toAbsolutePath();

        SectriageConfig config = parse(MINIMAL.replace("password-file: imap-password", "password-file: " + elsewhere));

        assertEquals(elsewhere, config.mailbox().password().file());
    }

    @Test
    void reportsMissingPasswordFileWithKeyAndLine() throws IOException {
        Files.delete(credentialsDir.resolve("imap-password"));

        List<String> errors = errorsOf(MINIMAL);

        Path expected = credentialsDir.resolve("imap-password").toAbsolutePath();
        assertEquals(List.of("config key mailbox.password-file at line 8: no such file: " + expected
                + " (relative paths are looked up in $CREDENTIALS_DIRECTORY, " + credentialsDir.toAbsolutePath() + ")"), errors);
    }

    @Test
    void reportsPasswordFileThatIsADirectory() throws IOException {
        Files.createDirectory(credentialsDir.resolve("secrets"));

        List<String> errors = errorsOf(MINIMAL.replace("password-file: imap-password", "password-file: secrets"));

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("config key mailbox.password-file at line 8: "
                + credentialsDir.resolve("secrets").toAbsolutePath() + " is not a file"), errors.get(0));
    }

    @Test
    void requiresSmtpPasswordFileWhenUsernameIsSet() {
        List<String> errors = errorsOf(MINIMAL.replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  username: security\n"));

        assertEquals(List.of("config key smtp.password-file: required when username is set, missing from 'smtp' at line 9"), errors);
    }

    @Test
    void readsSmtpPasswordFileWithUsername() {
        SectriageConfig config = parse(MINIMAL.replace("  host: smtp.example.org\n",
                "  host: smtp.example.org\n  username: security\n  password-file: smtp-password\n"));

        assertEquals("security", config.smtp().username());
        assertEquals("smtp secret", config.smtp().password().read());
    }

    // --- templates ---

    @Test
    void resolvesTemplatesDirectoryBesideConfig() throws IOException {
        Files.createDirectory(configDir.resolve("templates"));

        SectriageConfig config = parse(MINIMAL + "templates:\n  directory: templates\n");

        assertEquals(configDir.resolve("templates").toAbsolutePath(), config.templates().directory());
    }

    @Test
    void reportsMissingTemplatesDirectory() {
        List<String> errors = errorsOf(MINIMAL + "templates:\n  directory: templates\n");

        assertEquals(List.of("config key templates.directory at line 16: no such directory: "
                + configDir.resolve("templates").toAbsolutePath() + " (relative paths are looked up beside the config file, in "
                + configDir.toAbsolutePath() + ")"), errors);
    }

    // --- the shipped example ---

    @Test
    void loadsShippedExampleConfig() throws IOException {
        String example = Files.readString(Path.of("config/sectriage.example.yaml"));

        SectriageConfig config = ConfigLoader.parse(example, "sectriage.example.yaml", configDir, credentialsDir);

        assertEquals("imap.example.org", config.mailbox().host());
        assertEquals("imap secret", config.mailbox().password().read());
        assertEquals("smtp secret", config.smtp().password().read());
        assertEquals(3, config.maintainers().size());
        assertEquals(Duration.ofHours(48), config.policy().acknowledgeWithin());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "project", "name", "security-address", "tracker-url", "key-url", "time-zone",
            "mailbox", "host", "port", "security", "username", "password-file", "folder", "processed-folder", "idle",
            "poll-interval", "idle-refresh", "connect-timeout", "read-timeout", "fetch-batch",
            "smtp", "write-timeout", "database", "url", "user", "maintainers", "email", "role",
            "policy", "acknowledge-within", "first-response-within", "escalate-after-silence", "timeline",
            "acknowledgement", "max-per-sender-per-hour", "max-per-hour", "templates", "directory",
            "limits", "max-message-size", "max-header-count", "max-header-length", "max-line-length",
            "max-nesting-depth", "max-body-text", "outbox", "retry-initial", "retry-max", "report-undelivered-after", "drain-interval"})
    void shippedExampleDocumentsEveryKey(String key) throws IOException {
        String example = Files.readString(Path.of("config/sectriage.example.yaml"));

        assertTrue(Pattern.compile("(?m)^[ #-]*" + Pattern.quote(key) + ":").matcher(example).find(),
                "config/sectriage.example.yaml does not show the key " + key);
    }

    private SectriageConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "sectriage.yaml", configDir, credentialsDir);
    }

    private List<String> errorsOf(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        return e.errors().stream().map(ConfigError::toString).toList();
    }
}
