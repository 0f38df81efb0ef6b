package org.sectriage.cli;

import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sectriage.config.Durations;
import org.sectriage.sla.Deadline;
import org.sectriage.sla.DeadlineState;
import org.sectriage.store.Database;
import org.sectriage.store.DeadlineStore;
import org.sectriage.domain.CaseId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sectriage stats}: how well the team keeps its policy's promises over a period: time to
 * acknowledge, to the first human response, to triage and to fix (median and 90th percentile), the
 * deadlines missed, escalations, and the cases by class and severity; read from the event log.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Response times (median, 90th percentile), SLA breaches and cases by class and severity,"
                + " for the cases opened in a period.")
final class StatsCommand implements Callable<Integer> {

    /** The measures: their name and the event types that end them (the first of them counts). */
    private static final Map<String, List<String>> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("time to acknowledge", List.of("acknowledgement-sent"));
        MEASURES.put("time to first human response", List.of("reply-relayed"));
        MEASURES.put("time to triage", List.of("case-triaged", "case-confirmed", "case-rejected", "case-not-security",
                "case-duplicate"));
        MEASURES.put("time to fix", List.of("case-fixed"));
    }

    @Mixin
    DatabaseOption database;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "90d",
            description = "The period: cases opened this long ago or later, e.g. 30d (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    /** One measure over the period. */
    record Measure(String name, int cases, String median, String p90, Long medianSeconds, Long p90Seconds) {
    }

    /** What the command prints. */
    record Stats(Instant from, Instant to, int cases, List<Measure> measures, Map<String, Integer> breaches,
                 int escalations, Map<String, Integer> byClass, Map<String, Integer> bySeverity) {
    }

    @Override
    public Integer call() {
        Duration period;
        try {
            period = Durations.parse(since);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.UserError("--since: " + e.getMessage());
        }
        Instant now = Instant.now();
        Instant from = now.minus(period);
        Stats stats;
        try (Database db = database.openToRead()) {
            stats = db.inTransaction(c -> {
                Map<String, Instant> opened = new LinkedHashMap<>();
                Map<String, Integer> byClass = new TreeMap<>();
                Map<String, Integer> bySeverity = new TreeMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, opened_at, COALESCE(vuln_class, report_kind,"
                        + " 'unclassified'), COALESCE(severity, 'none') FROM security_case WHERE opened_at >= ?")) {
                    ps.setObject(1, from.atOffset(java.time.ZoneOffset.UTC));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            opened.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                            byClass.merge(rs.getString(3), 1, Integer::sum);
                            bySeverity.merge(rs.getString(4), 1, Integer::sum);
                        }
                    }
                }
                Map<String, List<Long>> seconds = new LinkedHashMap<>();
                MEASURES.keySet().forEach(m -> seconds.put(m, new ArrayList<>()));
                int escalations = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT e.case_id, e.type, MIN(e.at), COUNT(*)"
                        + " FROM case_event e JOIN security_case s ON s.id = e.case_id WHERE s.opened_at >= ?"
                        + " GROUP BY e.case_id, e.type")) {
                    ps.setObject(1, from.atOffset(java.time.ZoneOffset.UTC));
                    Map<String, Map<String, Instant>> firsts = new LinkedHashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            firsts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                    .put(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant());
                            if ("escalated".equals(rs.getString(2))) {
                                escalations += rs.getInt(4);
                            }
                        }
                    }
                    for (Map.Entry<String, Map<String, Instant>> kase : firsts.entrySet()) {
                        Instant start = opened.get(kase.getKey());
                        MEASURES.forEach((name, ends) -> ends.stream().map(kase.getValue()::get)
                                .filter(java.util.Objects::nonNull).min(Instant::compareTo)
                                .ifPresent(end -> seconds.get(name).add(Duration.between(start, end).toSeconds())));
                    }
                }
                Map<String, Integer> breaches = new LinkedHashMap<>();
                DeadlineStore deadlines = new DeadlineStore();
                for (String id : opened.keySet()) {
                    deadlines.find(c, CaseId.parse(id)).ifPresent(stored -> {
                        for (Deadline d : stored.deadlines().all()) {
                            DeadlineState state = d.state(now);
                            boolean late = state instanceof DeadlineState.Overdue
                                    || state instanceof DeadlineState.Met met && !met.late().isZero();
                            if (late) {
                                breaches.merge(d.kind().label(), 1, Integer::sum);
                            }
                        }
                    });
                }
                List<Measure> measures = new ArrayList<>();
                seconds.forEach((name, values) -> measures.add(measure(name, values)));
                return new Stats(from, now, opened.size(), measures, breaches, escalations, byClass, bySeverity);
            });
        }
        if (json) {
            System.out.println(Json.write(stats));
        } else {
            print(stats, System.out);
        }
        return 0;
    }

    private static Measure measure(String name, List<Long> values) {
        if (values.isEmpty()) {
            return new Measure(name, 0, "-", "-", null, null);
        }
        List<Long> sorted = values.stream().sorted().toList();
        long median = percentile(sorted, 50);
        long p90 = percentile(sorted, 90);
        return new Measure(name, sorted.size(), shortly(median), shortly(p90), median, p90);
    }

    /** The nearest-rank percentile of sorted {@code values}. */
    static long percentile(List<Long> values, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * values.size());
        return values.get(Math.max(0, rank - 1));
    }

    private static String shortly(long seconds) {
        return new DeadlineState.DueIn(Instant.EPOCH, Duration.ofSeconds(seconds)).render(java.time.ZoneOffset.UTC)
                .substring("due in ".length());
    }

    private static void print(Stats s, PrintStream out) {
        out.println(s.cases() + " case(s) opened since " + CasesCommand.TIME.format(s.from()) + " UTC");
        out.println();
        out.printf("%-30s %6s %10s %10s%n", "MEASURE", "CASES", "MEDIAN", "90TH PCT");
        for (Measure m : s.measures()) {
            out.printf("%-30s %6d %10s %10s%n", m.name(), m.cases(), m.median(), m.p90());
        }
        out.println();
        out.println("Deadlines missed (met late or overdue now):");
        if (s.breaches().isEmpty()) {
            out.println("  none");
        }
        s.breaches().forEach((kind, n) -> out.printf("  %-16s %d%n", kind, n));
        out.println("Escalations: " + s.escalations());
        out.println();
        out.println("By class:    " + s.byClass());
        out.println("By severity: " + s.bySeverity());
    }
}
