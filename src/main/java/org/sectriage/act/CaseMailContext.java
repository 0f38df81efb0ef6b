package org.sectriage.act;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sectriage.classify.ClassifierSetup;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.ReportClassifier;
import org.sectriage.classify.report.LikelyDuplicate;
import org.sectriage.classify.report.ReportKind;
import org.sectriage.classify.report.Severity;
import org.sectriage.classify.report.SeveritySource;
import org.sectriage.config.SectriageConfig;
import org.sectriage.domain.EmailAddress;
import org.sectriage.domain.SecurityCase;
import org.sectriage.parse.ParsedMessage;
import org.sectriage.threading.Maintainers;

/**
 * The values a mail template may use: the project, the policy's promises, the case, its reporter
 * and the message that caused the mail. Templates name them with dots, e.g. {@code {{case.id}}}.
 */
public final class CaseMailContext {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final SectriageConfig.Project project;
    private final SectriageConfig.Policy policy;
    private final Maintainers maintainers;
    private final Function<String, String> questions;
    private final List<String> supportedVersions;
    private List<String> ourKeys = List.of();

    /**
     * @param questions         how the acknowledgement asks for a missing completeness item, by item name
     * @param supportedVersions the supported versions as the config lists them, to tell a reporter
     */
    public CaseMailContext(SectriageConfig.Project project, SectriageConfig.Policy policy, Maintainers maintainers,
                           Function<String, String> questions, List<String> supportedVersions) {
        this.project = project;
        this.policy = policy;
        this.maintainers = maintainers;
        this.questions = questions;
        this.supportedVersions = List.copyOf(supportedVersions);
    }

    /** This context naming {@code fingerprints} as the team's OpenPGP keys, e.g. in a decryption failure notice. */
    public CaseMailContext withOurKeys(List<String> fingerprints) {
        this.ourKeys = List.copyOf(fingerprints);
        return this;
    }

    /** The context of the mail of {@code config}'s project, asking for missing items as {@code classifier}'s rules do. */
    public static CaseMailContext of(SectriageConfig config, ReportClassifier classifier) {
        return new CaseMailContext(config.project(), config.policy(), new Maintainers(config.maintainers()),
                item -> ClassifierSetup.question(classifier, item), config.classification().supportedVersions());
    }

    /** The context for a mail about {@code securityCase} that no inbound message caused, such as a reminder. */
    public Map<String, Object> forCase(SecurityCase securityCase) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("project", projectValues());
        Map<String, Object> pol = new HashMap<>();
        pol.put("acknowledgeWithin", humanLimit(policy.sla().acknowledge()));
        pol.put("firstResponseWithin", humanLimit(policy.sla().firstResponse()));
        pol.put("escalateAfterSilence", humanLimit(policy.sla().silence()));
        pol.put("timeline", policy.timelineText() == null ? "" : policy.timelineText());
        pol.put("creditByDefault", policy.creditByDefault());
        ctx.put("policy", pol);
        ctx.put("case", Map.of(
                "id", securityCase.id().toString(),
                "tag", securityCase.id().tag(),
                "subject", securityCase.subject(),
                "state", securityCase.state().label()));
        ctx.put("notSecurity", securityCase.state() == org.sectriage.domain.CaseState.NOT_SECURITY);
        EmailAddress reporter = securityCase.reporter();
        Map<String, Object> rep = new HashMap<>();
        rep.put("name", reporter.displayName() == null ? "" : reporter.displayName());
        rep.put("address", reporter.address());
        rep.put("display", reporter.toString());
        ctx.put("reporter", rep);
        List<EmailAddress> secondary = maintainers.secondaryCoordinators();
        ctx.put("secondaryCoordinators", secondary.stream().map(a -> Map.of("address", a.address())).toList());
        ctx.put("hasSecondaryCoordinators", !secondary.isEmpty());
        Map<String, Object> msg = new HashMap<>();
        for (String key : List.of("from", "receivedAt", "body", "attachedText")) {
            msg.put(key, "");
        }
        msg.put("bodyTruncated", false);
        ctx.put("message", msg);
        ctx.put("problems", List.of());
        ctx.put("hasProblems", false);
        ctx.put("attachments", List.of());
        ctx.put("hasAttachments", false);
        ctx.put("acknowledged", false);
        ctx.put("acknowledgementNote", "");
        ctx.put("withheld", false);
        ctx.put("replyEncrypted", false);
        ctx.put("ourKeys", ourKeys);
        ctx.put("hasOurKeys", !ourKeys.isEmpty());
        withOpenPgp(ctx, securityCase.encrypted(), null);
        return withoutClassification(ctx);
    }

    /** The context for a mail about {@code securityCase} caused by message {@code m}. */
    public Map<String, Object> forMessage(SecurityCase securityCase, ParsedMessage m, java.time.Instant receivedAt) {
        Map<String, Object> ctx = forCase(securityCase);
        Map<String, Object> msg = new HashMap<>();
        msg.put("from", m.from() == null ? "(unknown sender)" : m.from().toString());
        msg.put("receivedAt", WHEN.format(receivedAt.atZone(zone())));
        msg.put("body", m.bodyText() == null ? "" : m.bodyText());
        msg.put("bodyTruncated", m.bodyTruncated());
        msg.put("attachedText", m.attachedText());
        ctx.put("message", msg);
        ctx.put("problems", m.problems());
        ctx.put("hasProblems", !m.problems().isEmpty());
        ctx.put("attachments", m.attachments());
        ctx.put("hasAttachments", !m.attachments().isEmpty());
        return ctx;
    }

    /**
     * Adds what the classifier made of the case's report to {@code ctx}: {@code classification} (its
     * fields and a {@code summary}), {@code missing} (each item's {@code name} and the {@code question}
     * asking for it), {@code unsupportedVersion} with {@code supportedVersions}, and
     * {@code likelyDuplicates} (each {@code caseId}, {@code score}, {@code reasons}), with a
     * {@code has…} flag for each list.
     */
    public Map<String, Object> withClassification(Map<String, Object> ctx, Classification c,
                                                  List<LikelyDuplicate> duplicates) {
        Map<String, Object> k = new HashMap<>();
        k.put("kind", c.kind().label());
        k.put("isSecurityReport", c.isSecurityReport());
        k.put("vulnClass", c.vulnClass());
        k.put("cwes", String.join(", ", c.cweNames()));
        k.put("severity", c.severity().label());
        k.put("severitySource", c.severitySource().label());
        k.put("cvssVector", c.cvssVector() == null ? "" : c.cvssVector());
        k.put("cvssScore", c.cvssScore() == null ? "" : String.valueOf(c.cvssScore()));
        k.put("lowEvidence", c.lowEvidence());
        k.put("summary", c.summary());
        ctx.put("classification", k);
        List<Map<String, Object>> missing = c.missing().stream()
                .map(name -> Map.<String, Object>of("name", name, "question", questions.apply(name))).toList();
        ctx.put("missing", missing);
        ctx.put("hasMissing", !missing.isEmpty());
        ctx.put("unsupportedVersion", c.unsupportedVersion() == null ? "" : c.unsupportedVersion());
        ctx.put("supportedVersions", supportedVersions.isEmpty() ? "" : String.join(", ", supportedVersions));
        List<Map<String, Object>> dups = duplicates.stream().map(d -> Map.<String, Object>of("caseId", d.caseId(),
                "score", String.format(java.util.Locale.ROOT, "%.2f", d.score()), "reasons", d.reasons())).toList();
        ctx.put("likelyDuplicates", dups);
        ctx.put("hasLikelyDuplicates", !dups.isEmpty());
        return ctx;
    }

    /**
     * Adds the OpenPGP facts of the case to {@code ctx}: {@code encrypted}, {@code decryptionFailed} with its
     * {@code decryptionReason}, and the fingerprints of the team's keys ({@code ourKeys}).
     */
    public Map<String, Object> withOpenPgp(Map<String, Object> ctx, boolean encrypted, String decryptionFailure) {
        ctx.put("encrypted", encrypted);
        ctx.put("decryptionFailed", decryptionFailure != null);
        ctx.put("decryptionReason", decryptionFailure == null ? "" : decryptionFailure);
        return ctx;
    }

    /**
     * A copy of {@code ctx} with {@code withheld} set: true when everything derived from the report must be
     * left out, the problems met reading it among them (they can quote its attachments' names).
     */
    public static Map<String, Object> withheld(Map<String, Object> ctx, boolean withheld) {
        Map<String, Object> copy = new HashMap<>(withheld ? withoutProblemDetails(ctx) : ctx);
        copy.put("withheld", withheld);
        return copy;
    }

    /** What a plaintext mail about an encrypted message says of the problems met reading it, for one. */
    static final String PROBLEMS_WITHHELD = "some of it (what, is not said in a mail that is not encrypted)";

    /**
     * A copy of {@code ctx} whose problems say nothing of the message: for a plaintext mail about one that
     * arrived encrypted, since a problem can quote what it read (an attachment's name, a charset, a header).
     */
    static Map<String, Object> withoutProblemDetails(Map<String, Object> ctx) {
        Map<String, Object> copy = new HashMap<>(ctx);
        if (Boolean.TRUE.equals(ctx.get("hasProblems"))) {
            copy.put("problems", List.of(PROBLEMS_WITHHELD));
        }
        return copy;
    }

    /** Puts empty classification values in {@code ctx}, for messages the classifier did not see. */
    private static Map<String, Object> withoutClassification(Map<String, Object> ctx) {
        Map<String, Object> k = new HashMap<>();
        for (String key : List.of("kind", "vulnClass", "cwes", "severity", "severitySource", "cvssVector", "cvssScore",
                "summary")) {
            k.put(key, "");
        }
        k.put("isSecurityReport", false);
        k.put("lowEvidence", false);
        ctx.put("classification", k);
        ctx.put("missing", List.of());
        ctx.put("hasMissing", false);
        ctx.put("unsupportedVersion", "");
        ctx.put("supportedVersions", "");
        ctx.put("likelyDuplicates", List.of());
        ctx.put("hasLikelyDuplicates", false);
        return ctx;
    }

    /** The context for the notice that inbound message {@code id} was quarantined: no content, only facts. */
    public Map<String, Object> forQuarantine(long id, long size, java.time.Instant fetchedAt, String reason) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("project", projectValues());
        ctx.put("message", Map.of("id", id, "size", size, "receivedAt", WHEN.format(fetchedAt.atZone(zone()))));
        ctx.put("reason", reason);
        return ctx;
    }

    private Map<String, Object> projectValues() {
        return Map.of(
                "name", project.name(),
                "securityAddress", project.securityAddress().address(),
                "trackerUrl", project.trackerUrl(),
                "keyUrl", project.keyUrl() == null ? "" : project.keyUrl());
    }

    /**
     * A context for an invented case and message, with every value a template may use: used to
     * check templates when sectriage starts, so that a template naming an unknown value fails
     * there rather than when the first report arrives.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> sample() {
        java.time.Instant now = java.time.Instant.parse("2026-01-15T10:00:00Z");
        EmailAddress reporter = new EmailAddress("reporter@example.net", "Sample Reporter");
        SecurityCase sc = new SecurityCase(new org.sectriage.domain.CaseId(2026, 1),
                org.sectriage.domain.CaseState.NEW, "Sample report", reporter, now, now, false, null);
        ParsedMessage m = new ParsedMessage("<sample@example.net>", List.of(), List.of(), reporter, List.of(),
                List.of(project.securityAddress()), List.of(), "Sample report", now,
                new org.sectriage.parse.HeaderSet(Map.of()), "text/plain", "Sample body.", false, "",
                List.of(new org.sectriage.parse.AttachmentInfo("poc.py", "text/x-python", 120)),
                List.of("sample problem"), List.of());
        Map<String, Object> ctx = forMessage(sc, m, now);
        Map<String, Object> message = new HashMap<>((Map<String, Object>) ctx.get("message"));
        message.put("id", 7L);
        message.put("size", 1234L);
        ctx.put("message", message);
        ctx.put("reason", "sample reason");
        ctx.put("atDeadline", true);
        ctx.put("claimedSender", "maria@example.org");
        ctx.put("errors", "line 1: #reject needs a reason: #reject <reason>");
        ctx.put("hasErrors", true);
        ctx.put("help", "#confirm  the report is a vulnerability");
        ctx.put("relayed", "Thank you, we can reproduce it.");
        ctx.put("maintainerName", "Maria");
        ctx.put("internal", false);
        ctx.put("update", Map.of("confirmed", true));
        ctx.put("detail", "2.4.1");
        ctx.put("embargoDate", "2026-03-01 00:00 UTC");
        ctx.put("toReporter", false);
        ctx.put("noSecondary", false);
        ctx.put("openedAt", "2026-01-15 10:00 UTC");
        ctx.put("silentSince", "2026-01-15 10:00 UTC");
        ctx.put("deadlines", List.of(Map.of("name", "first-response", "due", "2026-01-18 10:00 UTC",
                "state", "due in 2d")));
        ctx.put("history", List.of(Map.of("at", "2026-01-15 10:00 UTC", "actor", "sectriage", "type", "case-opened",
                "detail", "report received")));
        withClassification(ctx, new Classification(ReportKind.SECURITY, "xss", List.of(79), Severity.MEDIUM,
                SeveritySource.ESTIMATE, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1,
                List.of("affected-versions"), false, "1.0.0"),
                List.of(new LikelyDuplicate("SEC-2026-0002", 0.8, "similar text (0.80)")));
        return ctx;
    }

    ZoneId zone() {
        return project.timeZone();
    }

    /**
     * A time limit as the policy says it: calendar time as {@link #humanDuration} does, business time in
     * what it counts, "3 business days" (working days) or "48 business hours" (working hours).
     */
    static String humanLimit(org.sectriage.sla.TimeLimit limit) {
        long seconds = limit.amount().toSeconds();
        return switch (limit.basis()) {
            case CALENDAR -> humanDuration(limit.amount());
            case WORKING_DAYS -> seconds % 86_400 == 0 ? plural(seconds / 86_400, "business day")
                    : humanDuration(limit.amount()) + " of business days";
            case WORKING_HOURS -> seconds % 3_600 == 0 ? plural(seconds / 3_600, "business hour")
                    : humanDuration(limit.amount()) + " of business hours";
        };
    }

    /**
     * A duration as people write it in a policy: "48 hours", "3 days", "90 minutes". Whole days
     * from three on are said in days; shorter spans in hours, as SECURITY.md files say "48 hours".
     */
    static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 86_400 == 0 && seconds >= 3 * 86_400) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0 && seconds >= 3_600) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
