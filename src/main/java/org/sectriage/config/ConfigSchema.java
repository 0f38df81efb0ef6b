package org.sectriage.config;

import static org.sectriage.config.ValueType.BOOLEAN;
import static org.sectriage.config.ValueType.DURATION;
import static org.sectriage.config.ValueType.EMAIL;
import static org.sectriage.config.ValueType.HTTP_URL;
import static org.sectriage.config.ValueType.JDBC_URL;
import static org.sectriage.config.ValueType.PATH;
import static org.sectriage.config.ValueType.PORT;
import static org.sectriage.config.ValueType.TEXT;
import static org.sectriage.config.ValueType.TIME_ZONE;
import static org.sectriage.config.ValueType.oneOf;
import static org.sectriage.config.ValueType.size;
import static org.sectriage.config.ValueType.wholeNumber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import org.sectriage.sla.BusinessCalendar;
import org.sectriage.sla.Holidays;
import org.sectriage.sla.SlaPolicy;
import org.sectriage.sla.TimeBasis;
import org.sectriage.sla.TimeLimit;
import org.sectriage.sla.WorkingSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sectriage.classify.report.ReportRules;
import org.sectriage.classify.report.ReportRulesLoader;
import org.sectriage.classify.report.RulesException;
import org.sectriage.classify.report.SupportedVersions;
import org.sectriage.config.SectriageConfig.Acknowledgement;
import org.sectriage.config.SectriageConfig.Advisory;
import org.sectriage.config.SectriageConfig.AuthenticationMode;
import org.sectriage.config.SectriageConfig.ClassificationSettings;
import org.sectriage.config.SectriageConfig.MaintainerAuthentication;
import org.sectriage.config.SectriageConfig.MaintainersWithoutKey;
import org.sectriage.config.SectriageConfig.OpenPgp;
import org.sectriage.config.SectriageConfig.SecretKeyFiles;
import org.sectriage.crypto.InvalidKeyFileException;
import org.sectriage.crypto.KeyFiles;
import org.sectriage.config.SectriageConfig.NotSecurityHandling;
import org.sectriage.config.SectriageConfig.SpamHandling;
import org.sectriage.config.SectriageConfig.CoordinatorRole;
import org.sectriage.config.SectriageConfig.Database;
import org.sectriage.config.SectriageConfig.Limits;
import org.sectriage.config.SectriageConfig.Mailbox;
import org.sectriage.config.SectriageConfig.Maintainer;
import org.sectriage.config.SectriageConfig.Outbox;
import org.sectriage.config.SectriageConfig.Policy;
import org.sectriage.config.SectriageConfig.Project;
import org.sectriage.config.SectriageConfig.Smtp;
import org.sectriage.config.SectriageConfig.Templates;
import org.sectriage.config.SectriageConfig.TransportSecurity;
import org.sectriage.domain.EmailAddress;

/**
 * The schema of the config file: the keys of each section, their types and defaults, and the checks
 * that involve more than one key. Turns the sections of one file into a {@link SectriageConfig}.
 *
 * <p>Every key is read whether or not an earlier one was wrong, so that one run reports every
 * mistake; the config built alongside the errors is used only when there were none.
 */
final class ConfigSchema {

    private static final ValueType<TransportSecurity> SECURITY = oneOf(TransportSecurity.class);
    private static final ValueType<CoordinatorRole> ROLE = oneOf(CoordinatorRole.class);
    private static final ValueType<Integer> POSITIVE = wholeNumber(1, Integer.MAX_VALUE);
    /** A duration that may be zero, such as {@code 0s} for "no early reminder". */
    private static final ValueType<Duration> DURATION_OR_ZERO = new ValueType<>(
            "a duration, in " + Durations.ACCEPTED_FORM + ", or 0s", Durations::parse);
    /** A size that fits the int fields of {@link Limits}; 1GB is far beyond any sane limit. */
    private static final ValueType<Integer> SIZE_UP_TO_1GB = size(1L << 30).map(Long::intValue);

    private final ConfigDirectories directories;

    ConfigSchema(ConfigDirectories directories) {
        this.directories = directories;
    }

    /** The config in {@code top}, the top level of a config file; mistakes are added to the section's error list. */
    SectriageConfig read(ConfigSection top) {
        Project project = project(top.requiredSection("project"));
        return new SectriageConfig(
                project,
                mailbox(top.requiredSection("mailbox")),
                smtp(top.requiredSection("smtp")),
                database(top.optionalSection("database")),
                maintainers(top, project.securityAddress()),
                policy(top.optionalSection("policy"), project.timeZone() == null ? ZoneId.of("UTC") : project.timeZone()),
                acknowledgement(top.optionalSection("acknowledgement")),
                classification(top.optionalSection("classification")),
                openpgp(top.optionalSection("openpgp")),
                maintainerAuthentication(top.optionalSection("maintainer-authentication")),
                advisory(top.optionalSection("advisory"), project),
                templates(top.optionalSection("templates")),
                limits(top.optionalSection("limits")),
                outbox(top.optionalSection("outbox")));
    }

    private Project project(ConfigSection project) {
        return new Project(
                project.required("name", TEXT),
                project.required("security-address", EMAIL),
                project.required("tracker-url", HTTP_URL),
                project.optional("key-url", HTTP_URL),
                project.optional("time-zone", TIME_ZONE, ZoneId.of("UTC")));
    }

    private Mailbox mailbox(ConfigSection mailbox) {
        String host = mailbox.required("host", TEXT);
        Integer port = mailbox.optional("port", PORT);
        TransportSecurity security = mailbox.optional("security", SECURITY, TransportSecurity.SSL);
        String username = mailbox.required("username", TEXT);
        Secret password = secret(mailbox, "password-file", true);
        String folder = mailbox.optional("folder", TEXT, "INBOX");
        String processedFolder = mailbox.optional("processed-folder", TEXT, "sectriage-processed");
        boolean idle = mailbox.optional("idle", BOOLEAN, true);
        Duration pollInterval = mailbox.optional("poll-interval", DURATION, Duration.ofSeconds(60));
        Duration idleRefresh = mailbox.optional("idle-refresh", DURATION, Duration.ofMinutes(9));
        Duration connectTimeout = mailbox.optional("connect-timeout", DURATION, Duration.ofSeconds(30));
        Duration readTimeout = mailbox.optional("read-timeout", DURATION, Duration.ofMinutes(10));
        int fetchBatch = mailbox.optional("fetch-batch", wholeNumber(1, 5000), 200);
        if (mailbox.valid("idle-refresh", "read-timeout") && readTimeout.compareTo(idleRefresh) <= 0) {
            mailbox.reject(mailbox.has("read-timeout") ? "read-timeout" : "idle-refresh",
                    "read-timeout (" + Durations.format(readTimeout) + ") must be longer than idle-refresh ("
                            + Durations.format(idleRefresh) + "), or an idling connection times out");
        }
        int defaultPort = security == TransportSecurity.SSL ? 993 : 143;
        return new Mailbox(host, port != null ? port : defaultPort, security, username, password, folder,
                processedFolder, idle, pollInterval, idleRefresh, connectTimeout, readTimeout, fetchBatch);
    }

    private Smtp smtp(ConfigSection smtp) {
        String host = smtp.required("host", TEXT);
        Integer port = smtp.optional("port", PORT);
        TransportSecurity security = smtp.optional("security", SECURITY, TransportSecurity.STARTTLS);
        String username = smtp.optional("username", TEXT);
        Secret password = secret(smtp, "password-file", false);
        if (username != null && password == null && smtp.valid("password-file")) {
            smtp.reject("password-file", "required when username is set");
        }
        if (username == null && password != null && smtp.valid("username")) {
            smtp.reject("password-file", "given without a username; set both for authenticated submission, or neither");
        }
        int defaultPort = switch (security) {
            case SSL -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
        return new Smtp(host, port != null ? port : defaultPort, security, username, password,
                smtp.optional("connect-timeout", DURATION, Duration.ofSeconds(30)),
                smtp.optional("read-timeout", DURATION, Duration.ofSeconds(60)),
                smtp.optional("write-timeout", DURATION, Duration.ofSeconds(60)));
    }

    private Database database(ConfigSection database) {
        return new Database(
                database.optional("url", JDBC_URL, directories.defaultDatabaseUrl()),
                database.optional("user", TEXT, "sectriage"),
                secret(database, "password-file", false));
    }

    private List<Maintainer> maintainers(ConfigSection top, EmailAddress securityAddress) {
        List<ConfigSection> items = top.requiredList("maintainers",
                "a list of maintainers, each with name, email and role (primary, secondary or member)");
        List<Maintainer> maintainers = new ArrayList<>();
        Map<String, ConfigSection> firstWithEmail = new HashMap<>();
        for (ConfigSection item : items) {
            String name = item.required("name", TEXT);
            EmailAddress email = item.required("email", EMAIL);
            CoordinatorRole role = item.optional("role", ROLE, CoordinatorRole.MEMBER);
            Path publicKey = keyFile(item, "public-key-file", false);
            if (email != null && email.sameMailbox(securityAddress)) {
                item.reject("email", "is the security address itself; each maintainer needs an address of their own");
            } else if (email != null) {
                ConfigSection first = firstWithEmail.putIfAbsent(email.normalized(), item);
                if (first != null) {
                    item.reject("email", "'" + email.address() + "' is already the email of " + first.path()
                            + " at line " + first.line("email") + "; each maintainer needs an address of their own");
                }
            }
            maintainers.add(new Maintainer(name, email, role, publicKey));
        }
        boolean rolesValid = items.stream().allMatch(item -> item.valid("role"));
        if (!items.isEmpty() && rolesValid
                && maintainers.stream().noneMatch(m -> m.role() == CoordinatorRole.PRIMARY)) {
            top.reject("maintainers", "needs at least one maintainer with role: primary, who is reminded"
                    + " of deadlines; got none");
        }
        return List.copyOf(maintainers);
    }

    private Policy policy(ConfigSection policy, ZoneId projectZone) {
        Duration acknowledge = policy.optional("acknowledge-within", DURATION, Duration.ofHours(48));
        Duration firstResponse = policy.optional("first-response-within", DURATION, Duration.ofDays(3));
        Duration silence = policy.optional("escalate-after-silence", DURATION, Duration.ofDays(5));
        String timeline = policy.optional("timeline", TEXT);
        // By default a day before, or half way for a first response due within two days.
        Duration defaultLead = firstResponse.dividedBy(2).compareTo(Duration.ofDays(1)) < 0
                ? firstResponse.dividedBy(2) : Duration.ofDays(1);
        Duration remindBefore = policy.optional("remind-before", DURATION_OR_ZERO, defaultLead);
        if (policy.valid("remind-before", "first-response-within") && remindBefore.compareTo(firstResponse) >= 0) {
            policy.reject("remind-before",
                    "remind-before (" + Durations.format(remindBefore) + ") must be shorter than first-response-within ("
                            + Durations.format(firstResponse) + "), or the reminder would come before the report");
        }
        Duration checkInterval = policy.optional("check-interval", DURATION, Duration.ofMinutes(1));
        boolean tellReporter = policy.optional("tell-reporter-of-escalation", BOOLEAN, true);
        boolean creditByDefault = policy.optional("credit-by-default", BOOLEAN, false);
        Duration longestEmbargo = policy.optional("longest-embargo", DURATION, Duration.ofDays(90));
        Duration remindBeforeDisclosure = policy.optional("remind-before-disclosure", DURATION_OR_ZERO,
                Duration.ofDays(7));
        ConfigSection business = policy.optionalSection("business-time");
        ZoneId zone = business.optional("time-zone", TIME_ZONE, projectZone);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.addAll(business.optionalList("working-days", ValueType.DAY_OF_WEEK,
                List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))));
        List<WorkingSpan> hours = business.optionalList("working-hours", ValueType.WORKING_SPAN,
                List.of(WorkingSpan.parse("09:00-17:00")));
        Holidays holidays = business.optionalList("holidays", ValueType.HOLIDAY, List.<Holidays>of()).stream()
                .reduce(Holidays.NONE, Holidays::plus);
        Path ics = business.optional("holidays-ics", PATH);
        if (ics != null) {
            Path file = directories.resolveBesideConfig(ics);
            try (InputStream in = Files.newInputStream(file)) {
                holidays = holidays.plus(Holidays.fromIcs(in));
            } catch (IOException | IllegalArgumentException e) {
                business.reject("holidays-ics", "cannot read holidays from " + file + ": " + e.getMessage()
                        + (ics.isAbsolute() ? "" : " (relative paths are looked up beside the config file)"));
            }
        }
        ConfigSection basis = business.optionalSection("basis");
        TimeBasis ackBasis = basis.optional("acknowledge-within", ValueType.TIME_BASIS, TimeBasis.CALENDAR);
        TimeBasis responseBasis = basis.optional("first-response-within", ValueType.TIME_BASIS, TimeBasis.CALENDAR);
        TimeBasis silenceBasis = basis.optional("escalate-after-silence", ValueType.TIME_BASIS, TimeBasis.CALENDAR);
        SlaPolicy sla = null;
        if (business.valid("working-days", "working-hours")) {
            // Wrong items were reported one by one; an empty or overlapping whole is reported here.
            try {
                BusinessCalendar calendar = new BusinessCalendar(zone, days, hours, holidays);
                sla = new SlaPolicy(new TimeLimit(acknowledge, ackBasis), new TimeLimit(firstResponse, responseBasis),
                        new TimeLimit(silence, silenceBasis), remindBefore, calendar, remindBeforeDisclosure);
            } catch (IllegalArgumentException e) {
                business.reject(days.isEmpty() ? "working-days" : "working-hours", e.getMessage());
            }
        }
        return new Policy(acknowledge, firstResponse, silence, timeline, sla, checkInterval, tellReporter,
                creditByDefault, longestEmbargo, remindBeforeDisclosure);
    }

    private static Acknowledgement acknowledgement(ConfigSection acknowledgement) {
        return new Acknowledgement(
                acknowledgement.optional("max-per-sender-per-hour", wholeNumber(0, Integer.MAX_VALUE), 5),
                acknowledgement.optional("max-per-hour", wholeNumber(0, Integer.MAX_VALUE), 200));
    }

    private ClassificationSettings classification(ConfigSection section) {
        Path given = section.optional("rules-file", PATH);
        Path rulesFile = given == null ? null : directories.resolveBesideConfig(given);
        ReportRules rules = null;
        try {
            rules = rulesFile == null ? ReportRulesLoader.builtIn() : ReportRulesLoader.withExtra(rulesFile);
        } catch (RulesException e) {
            section.reject("rules-file", "the rules in " + rulesFile + " have errors: " + e.getMessage());
        }
        List<String> supported = section.optionalList("supported-versions", TEXT, List.of());
        try {
            SupportedVersions.parse(supported);
        } catch (IllegalArgumentException e) {
            section.reject("supported-versions", e.getMessage());
        }
        List<String> askFor = section.optionalList("ask-for", TEXT, List.of());
        if (rules != null) {
            for (String item : askFor) {
                if (!rules.completeness().containsKey(item)) {
                    section.reject("ask-for", "no completeness item '" + item + "'; the rules have "
                            + String.join(", ", rules.completeness().keySet()));
                }
            }
        }
        return new ClassificationSettings(rulesFile, supported, askFor,
                section.optional("duplicate-threshold", ValueType.FRACTION, 0.5),
                section.optional("not-security", oneOf(NotSecurityHandling.class), NotSecurityHandling.POINT_TO_TRACKER),
                section.optional("spam", oneOf(SpamHandling.class), SpamHandling.SET_ASIDE));
    }

    private static MaintainerAuthentication maintainerAuthentication(ConfigSection section) {
        AuthenticationMode mode = section.optional("mode", oneOf(AuthenticationMode.class),
                AuthenticationMode.SIGNATURE_OR_DKIM);
        List<String> trusted = section.optionalList("trusted-authserv-ids", TEXT, List.of());
        if (section.valid("mode") && mode == AuthenticationMode.DKIM && trusted.isEmpty()) {
            section.reject("mode", "dkim needs trusted-authserv-ids: the authserv-id your mail server writes in"
                    + " Authentication-Results, e.g. [mx.example.org]");
        }
        return new MaintainerAuthentication(mode, trusted);
    }

    private static Advisory advisory(ConfigSection section, Project project) {
        String name = project.name() == null ? "project" : project.name();
        String domain = project.securityAddress() == null ? "example.org" : project.securityAddress().domain();
        return new Advisory(
                section.optional("product", TEXT, name),
                section.optional("vendor", TEXT, domain),
                section.optional("namespace", HTTP_URL, "https://" + domain),
                section.optional("ecosystem", TEXT),
                section.optional("package", TEXT));
    }

    private OpenPgp openpgp(ConfigSection section) {
        List<SecretKeyFiles> secretKeys = new ArrayList<>();
        for (ConfigSection item : section.optionalList("secret-keys",
                "a list of secret keys, each with key-file and passphrase-file")) {
            Path key = keyFile(item, "key-file", true);
            Secret passphrase = secret(item, "passphrase-file", false);
            secretKeys.add(new SecretKeyFiles(key, passphrase == null ? null : passphrase.file()));
        }
        Path keyDirectory = section.optional("key-directory", PATH);
        return new OpenPgp(List.copyOf(secretKeys),
                keyDirectory == null ? directories.defaultStatePath("keys") : directories.resolveBesideConfig(keyDirectory),
                section.optional("maintainers-without-key", oneOf(MaintainersWithoutKey.class),
                        MaintainersWithoutKey.NOTICE),
                section.optional("sign-outgoing", BOOLEAN, true),
                section.optional("max-plaintext-size", size(1L << 30), 25L << 20),
                section.optional("decrypt-time-limit", DURATION, Duration.ofSeconds(30)));
    }

    /**
     * The OpenPGP key file named by {@code key}, checked to hold a key: a secret key ({@code secret}),
     * a credential looked up like a password file, or a public key, looked up beside the config.
     */
    private Path keyFile(ConfigSection section, String key, boolean secret) {
        Path given = secret ? section.required(key, PATH) : section.optional(key, PATH);
        if (given == null) {
            return null;
        }
        Path file = secret ? directories.resolveSecret(given) : directories.resolveBesideConfig(given);
        if (!Files.isRegularFile(file)) {
            section.reject(key, "no such file: " + file + (given.isAbsolute() ? ""
                    : secret ? " (" + directories.secretLookup() + ")" : " (relative paths are looked up beside the config file)"));
            return file;
        }
        try {
            if (secret) {
                KeyFiles.readSecretKeyRings(file);
            } else if (KeyFiles.readPublicKeyRings(file).isEmpty()) {
                section.reject(key, file + " holds no OpenPGP public key");
            }
        } catch (IOException | InvalidKeyFileException e) {
            section.reject(key, "cannot read an OpenPGP " + (secret ? "secret" : "public") + " key from " + file + ": "
                    + e.getMessage());
        }
        return file;
    }

    private Templates templates(ConfigSection templates) {
        Path given = templates.optional("directory", PATH);
        if (given == null) {
            return new Templates(null);
        }
        Path directory = directories.resolveBesideConfig(given);
        if (!Files.isDirectory(directory)) {
            templates.reject("directory", "no such directory: " + directory
                    + (given.isAbsolute() ? "" : " (relative paths are looked up beside the config file, in "
                            + directories.configDirectory() + ")"));
        }
        return new Templates(directory);
    }

    private static Limits limits(ConfigSection limits) {
        return new Limits(
                limits.optional("max-message-size", size(Long.MAX_VALUE), 50L << 20),
                limits.optional("max-header-count", POSITIVE, 1000),
                limits.optional("max-header-length", POSITIVE, 65536),
                limits.optional("max-line-length", POSITIVE, 100_000),
                limits.optional("max-nesting-depth", POSITIVE, 50),
                limits.optional("max-body-text", SIZE_UP_TO_1GB, 1 << 20));
    }

    private static Outbox outbox(ConfigSection outbox) {
        Duration retryInitial = outbox.optional("retry-initial", DURATION, Duration.ofSeconds(30));
        Duration retryMax = outbox.optional("retry-max", DURATION, Duration.ofHours(1));
        Duration reportUndeliveredAfter = outbox.optional("report-undelivered-after", DURATION, Duration.ofHours(4));
        Duration drainInterval = outbox.optional("drain-interval", DURATION, Duration.ofSeconds(30));
        if (outbox.valid("retry-initial", "retry-max") && retryInitial.compareTo(retryMax) > 0) {
            outbox.reject(outbox.has("retry-initial") ? "retry-initial" : "retry-max",
                    "retry-initial (" + Durations.format(retryInitial) + ") must not be longer than retry-max ("
                            + Durations.format(retryMax) + ")");
        }
        return new Outbox(retryInitial, retryMax, reportUndeliveredAfter, drainInterval);
    }

    /** The secret in the file named by {@code key}, checked to be a readable file; null if absent or wrong. */
    private Secret secret(ConfigSection section, String key, boolean required) {
        Path given = required ? section.required(key, PATH) : section.optional(key, PATH);
        if (given == null) {
            return null;
        }
        Path file = directories.resolveSecret(given);
        String lookup = given.isAbsolute() ? "" : " (" + directories.secretLookup() + ")";
        if (!Files.exists(file)) {
            section.reject(key, "no such file: " + file + lookup);
        } else if (!Files.isRegularFile(file)) {
            section.reject(key, file + " is not a file; expected a file holding the password" + lookup);
        } else if (!Files.isReadable(file)) {
            section.reject(key, file + " is not readable by this process's user");
        }
        return new Secret(file);
    }
}
