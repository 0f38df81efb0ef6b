package org.sectriage.act;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public CaseMailContext(SectriageConfig.Project project, SectriageConfig.Policy policy, Maintainers maintainers) {
        this.project = project;
        this.policy = policy;
        this.maintainers = maintainers;
    }

    /** The context for a mail about {@code securityCase} caused by message {@code m}. */
    public Map<String, Object> forMessage(SecurityCase securityCase, ParsedMessage m, java.time.Instant receivedAt) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("project", projectValues());
        Map<String, Object> pol = new HashMap<>();
        pol.put("acknowledgeWithin", humanDuration(policy.acknowledgeWithin()));
        pol.put("firstResponseWithin", humanDuration(policy.firstResponseWithin()));
        pol.put("escalateAfterSilence", humanDuration(policy.escalateAfterSilence()));
        pol.put("timeline", policy.timelineText() == null ? "" : policy.timelineText());
        ctx.put("policy", pol);
        ctx.put("case", Map.of(
                "id", securityCase.id().toString(),
                "tag", securityCase.id().tag(),
                "subject", securityCase.subject(),
                "state", securityCase.state().label()));
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
        msg.put("from", m.from() == null ? "(unknown sender)" : m.from().toString());
        msg.put("receivedAt", WHEN.format(receivedAt.atZone(zone())));
        msg.put("body", m.bodyText() == null ? "" : m.bodyText());
        msg.put("bodyTruncated", m.bodyTruncated());
        ctx.put("message", msg);
        ctx.put("problems", m.problems());
        ctx.put("hasProblems", !m.problems().isEmpty());
        ctx.put("attachments", m.attachments());
        ctx.put("hasAttachments", !m.attachments().isEmpty());
        ctx.put("acknowledged", false);
        ctx.put("acknowledgementNote", "");
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
                new org.sectriage.parse.HeaderSet(Map.of()), "text/plain", "Sample body.", false,
                List.of(new org.sectriage.parse.AttachmentInfo("poc.py", "text/x-python", 120)),
                List.of("sample problem"));
        Map<String, Object> ctx = forMessage(sc, m, now);
        Map<String, Object> message = new HashMap<>((Map<String, Object>) ctx.get("message"));
        message.put("id", 7L);
        message.put("size", 1234L);
        ctx.put("message", message);
        ctx.put("reason", "sample reason");
        return ctx;
    }

    private ZoneId zone() {
        return project.timeZone();
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
