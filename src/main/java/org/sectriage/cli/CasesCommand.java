package org.sectriage.cli;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.Participant;
import org.sectriage.domain.SecurityCase;
import org.sectriage.store.Database;
import org.sectriage.store.InboundStore;
import org.sectriage.store.JdbcCaseStore;
import org.sectriage.store.SentJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.sectriage.classify.report.LikelyDuplicate;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sectriage cases list|show}: the cases in the database. */
@Command(name = "cases", mixinStandardHelpOptions = true, description = "List cases or show one.",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.ShowCase.class})
final class CasesCommand implements Runnable {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The most pressing deadline of a case: the first overdue one, else the next one due, e.g. "first-response overdue by 2h". */
    static String nextDeadline(CaseView v) {
        return v.deadlines().stream().filter(CaseView.DeadlineView::overdue).findFirst()
                .or(() -> v.deadlines().stream().filter(d -> d.met() == null && d.due() != null
                        && d.state().startsWith("due in")).min(java.util.Comparator.comparing(CaseView.DeadlineView::due)))
                .map(d -> d.kind() + " " + d.state()).orElse("");
    }

    /** A case's class in a few characters, e.g. {@code xss/high}, {@code not-security}, or empty. */
    static String classShort(CaseView.Assessment a) {
        if (a == null) {
            return "";
        }
        return "security".equals(a.kind()) ? a.vulnClass() + "/" + a.severity() + (a.lowEvidence() ? "/low-ev" : "")
                : a.kind();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List all cases, newest first; with --overdue, only open cases with a deadline passed unmet.")
    static final class ListCases implements Callable<Integer> {

        @Mixin
        DatabaseOption database;

        @Option(names = "--overdue", description = "Only the cases with a deadline that has passed unmet.")
        boolean overdue;

        @Option(names = "--json", description = "One JSON object per case, one per line.")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = database.openToRead()) {
                List<CaseView> views = new ArrayList<>();
                int[] unfiled = {0};
                List<SentJournal.Entry> journaled = journaled(db);
                db.run(c -> {
                    java.time.Instant now = java.time.Instant.now();
                    for (SecurityCase sc : new JdbcCaseStore(c).list()) {
                        CaseView v = CaseView.summary(c, sc, now, journaled);
                        if (!overdue || v.overdue()) {
                            views.add(v);
                        }
                    }
                    unfiled[0] = new InboundStore().unfiled(c).size();
                });
                PrintStream out = System.out;
                if (json) {
                    views.forEach(v -> out.println(Json.write(v)));
                    return 0;
                }
                if (views.isEmpty()) {
                    out.println(overdue ? "No overdue cases." : "No cases.");
                } else {
                    out.printf("%-15s %-13s %-16s %-8s %-22s %-28s %-30s %s%n", "CASE", "STATE", "OPENED (UTC)", "ACK",
                            "CLASS", "NEXT DEADLINE", "REPORTER", "SUBJECT");
                    for (CaseView v : views) {
                        out.printf("%-15s %-13s %-16s %-8s %-22s %-28s %-30s %s%n", v.id(), v.state(),
                                TIME.format(v.openedAt()), v.acknowledgement(), cut(classShort(v.assessment()), 22),
                                cut(nextDeadline(v), 28), cut(v.reporter(), 30), cut(v.subject(), 60));
                    }
                }
                if (unfiled[0] > 0) {
                    out.println();
                    out.println(unfiled[0] + " message(s) are in no case (auto-replies, bounces, spam, quarantined):"
                            + " see 'sectriage inbox list'.");
                }
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one case: its thread, delivery states, participants and event log.")
    static final class ShowCase implements Callable<Integer> {

        @Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "ID", description = "The case id, e.g. SEC-2026-0001.")
        String id;

        @Option(names = "--json", description = "The case as one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            CaseId caseId;
            try {
                caseId = CaseId.parse(id);
            } catch (IllegalArgumentException e) {
                throw new CliErrors.UserError(e.getMessage());
            }
            try (Database db = database.openToRead()) {
                List<SentJournal.Entry> journaled = journaled(db);
                CaseView v = db.inTransaction(c -> {
                    SecurityCase sc = new JdbcCaseStore(c).find(caseId)
                            .orElseThrow(() -> new CliErrors.UserError("no case " + caseId));
                    return CaseView.full(c, sc, java.time.Instant.now(), journaled);
                });
                if (json) {
                    System.out.println(Json.write(v));
                } else {
                    print(v, System.out);
                }
                return 0;
            }
        }

        static void print(CaseView v, PrintStream out) {
            out.println(v.id() + "  " + v.subject());
            out.println("  state:           " + v.state());
            out.println("  reporter:        " + v.reporter());
            out.println("  opened:          " + TIME.format(v.openedAt()) + " UTC");
            out.println("  updated:         " + TIME.format(v.updatedAt()) + " UTC");
            out.println("  acknowledged:    " + v.acknowledgement());
            if (v.problems() != null) {
                out.println("  problems:        " + v.problems());
            }
            if (v.openpgp() != null && v.openpgp().encrypted()) {
                out.println("  encrypted:       yes" + (v.openpgp().decryptionFailure() == null ? ", decrypted"
                        : ", NOT decrypted: " + v.openpgp().decryptionFailure()));
            }
            CaseView.Decisions decided = v.decisions();
            if (decided != null) {
                if (decided.assignee() != null) {
                    out.println("  assignee:        " + decided.assignee());
                }
                if (decided.fixedVersion() != null) {
                    out.println("  fixed in:        " + decided.fixedVersion());
                }
                if (decided.embargo() != null) {
                    out.println("  embargo until:   " + decided.embargo());
                }
                if (decided.duplicateOf() != null) {
                    out.println("  duplicate of:    " + decided.duplicateOf());
                }
                out.println("  credit:          " + decided.credit());
            }
            CaseView.Assessment a = v.assessment();
            if (a != null) {
                out.println("  classified:      " + a.kind() + ("security".equals(a.kind()) ? ", " + a.vulnClass()
                        + (a.cwe().isEmpty() ? "" : " (" + String.join(", ", a.cwe()) + ")") : ""));
                if ("security".equals(a.kind())) {
                    out.println("  severity:        " + a.severity() + (a.cvssScore() != null
                            ? " (CVSS " + a.cvssScore() + ", " + a.cvssVector() + ")"
                            : a.cvssVector() != null ? " (" + a.severitySource() + "; CVSS " + a.cvssVector() + ")"
                            : " (" + a.severitySource() + ")"));
                    out.println("  missing:         " + (a.missing().isEmpty() ? "nothing" : String.join(", ", a.missing())));
                    if (a.lowEvidence()) {
                        out.println("  evidence:        LOW: no version, no reproduction steps, no code location");
                    }
                    if (a.unsupportedVersion() != null) {
                        out.println("  version:         names " + a.unsupportedVersion() + ", which is not supported");
                    }
                }
            }
            for (LikelyDuplicate d : v.likelyDuplicates()) {
                out.println("  likely duplicate: " + d.caseId() + " (similarity " + d.score() + ": " + d.reasons() + ")");
            }
            if (!v.deadlines().isEmpty()) {
                out.println();
                out.println("Deadlines:");
                for (CaseView.DeadlineView d : v.deadlines()) {
                    out.printf("  %-16s %-22s %s%n", d.kind(), d.due() == null ? "(paused)" : TIME.format(d.due()) + " UTC",
                            d.state());
                }
            }
            out.println();
            out.println("Participants:");
            for (Participant p : v.participants()) {
                out.println("  " + p.role().label() + "  " + p.address());
            }
            out.println();
            out.println("Thread:");
            for (CaseView.ThreadEntry t : v.thread()) {
                out.println("  " + TIME.format(t.at()) + "  " + ("in".equals(t.direction()) ? "<- " : "-> ")
                        + t.kind() + "  " + ("in".equals(t.direction()) ? "from " + t.from() : "to " + t.to()));
                out.println("      subject:    " + t.subject());
                out.println("      message-id: " + t.messageId());
                if (t.delivery() != null) {
                    out.println("      delivery:   " + t.delivery());
                }
                if (t.sizeBytes() != null) {
                    out.println("      size:       " + t.sizeBytes() + " bytes (raw message stored)");
                }
                if (t.openpgp() != null) {
                    out.println("      openpgp:    " + t.openpgp());
                }
                if (t.problems() != null) {
                    out.println("      problems:   " + t.problems());
                }
            }
            out.println();
            out.println("Events:");
            for (CaseEvent e : v.events()) {
                out.println("  " + TIME.format(e.at()) + "  " + e.type() + "  by " + e.actor()
                        + (e.detail() == null ? "" : ": " + e.detail()));
            }
        }
    }

    static String cut(String s, int width) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
    }

    /**
     * The mails the outbox's journal holds beside the database: sent, and recorded by the daemon when it next
     * starts; none when the journal cannot be read (the database's record is shown then).
     */
    static List<SentJournal.Entry> journaled(Database db) {
        try {
            return SentJournal.readBeside(db);
        } catch (java.io.IOException e) {
            System.err.println("sectriage: cannot read the outbox's journal (" + e.getMessage()
                    + "); mail it holds is shown as the database has it");
            return List.of();
        }
    }
}
