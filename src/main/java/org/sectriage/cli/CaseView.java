package org.sectriage.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.sectriage.classify.report.Classification;
import org.sectriage.classify.report.LikelyDuplicate;
import org.sectriage.domain.CaseEvent;
import org.sectriage.domain.CaseId;
import org.sectriage.domain.CaseMessage;
import org.sectriage.domain.Participant;
import org.sectriage.domain.SecurityCase;
import org.sectriage.store.DeadlineStore;
import org.sectriage.store.InboundStore;
import org.sectriage.store.JdbcCaseStore;
import org.sectriage.store.OutboxStore;
import org.sectriage.store.SentJournal;
import org.sectriage.store.OutboxStore.OutboxRow;

/** A case as the CLI shows it: the case, its thread with delivery states, participants and events. */
record CaseView(String id, String state, String subject, String reporter, Instant openedAt, Instant updatedAt,
                String acknowledgement, String problems, Assessment assessment, List<LikelyDuplicate> likelyDuplicates,
                List<DeadlineView> deadlines, boolean overdue, Decisions decisions, OpenPgp openpgp,
                List<Participant> participants, List<ThreadEntry> thread, List<CaseEvent> events) {

    /** What maintainers decided by command; null fields were not set. */
    record Decisions(String assignee, String fixedVersion, java.time.LocalDate embargo, String credit,
                     String duplicateOf) {

        static Decisions of(org.sectriage.command.CaseFile f) {
            return new Decisions(f.assignee() == null ? null : f.assignee().address(), f.fixedVersion(), f.embargo(),
                    f.credit().toString(), f.duplicateOf() == null ? null : f.duplicateOf().toString());
        }
    }

    /** Whether the report arrived encrypted, and why it could not be read if it could not. */
    record OpenPgp(boolean encrypted, String decryptionFailure) {
    }

    /** One deadline of the case: what is due, when (null while paused), when it was met, and its state now. */
    record DeadlineView(String kind, Instant due, Instant met, String state, boolean overdue) {
    }

    /** The case's deadlines as last computed, with their states at {@code now}. */
    static List<DeadlineView> deadlines(Connection c, CaseId id, Instant now) throws SQLException {
        return new DeadlineStore().find(c, id).map(stored -> stored.deadlines().all().stream()
                .map(d -> new DeadlineView(d.kind().label(), d.due(), d.metAt(),
                        d.state(now).render(java.time.ZoneOffset.UTC), d.isOverdue(now)))
                .toList()).orElse(List.of());
    }

    /** What the classifier (and, later, maintainers) made of the report; null for cases opened without one. */
    record Assessment(String kind, String vulnClass, List<String> cwe, String severity, String severitySource,
                      String cvssVector, Double cvssScore, List<String> missing, boolean lowEvidence,
                      String unsupportedVersion) {

        static Assessment of(Classification c) {
            return new Assessment(c.kind().label(), c.vulnClass(), c.cweNames(), c.severity().label(),
                    c.severitySource().label(), c.cvssVector(), c.cvssScore(), c.missing(), c.lowEvidence(),
                    c.unsupportedVersion());
        }
    }

    /** One message of the thread; for mail sent, its delivery state; for mail received, its size and problems. */
    record ThreadEntry(String direction, Instant at, String kind, String from, String to, String subject,
                       String messageId, String delivery, Long sizeBytes, String problems, String openpgp) {
    }

    /**
     * The case's summary; {@code journaled} are the mails the outbox's journal holds (sent, not yet recorded in
     * the database when a daemon was killed), shown as sent.
     */
    static CaseView summary(Connection c, SecurityCase sc, Instant now, List<SentJournal.Entry> journaled)
            throws SQLException {
        List<OutboxRow> out = withJournal(new OutboxStore().forCase(c, sc.id().toString()), journaled);
        JdbcCaseStore cases = new JdbcCaseStore(c);
        List<DeadlineView> deadlines = deadlines(c, sc.id(), now);
        return new CaseView(sc.id().toString(), sc.state().label(), sc.subject(), sc.reporter().toString(),
                sc.openedAt(), sc.updatedAt(), acknowledgement(out), sc.flags(),
                cases.classification(sc.id()).map(Assessment::of).orElse(null), List.of(), deadlines,
                deadlines.stream().anyMatch(DeadlineView::overdue), null,
                new OpenPgp(sc.encrypted(), cases.decryptionFailure(sc.id()).orElse(null)), List.of(), List.of(),
                List.of());
    }

    /** The case with its thread and events; {@code journaled} as for {@link #summary}. */
    static CaseView full(Connection c, SecurityCase sc, Instant now, List<SentJournal.Entry> journaled)
            throws SQLException {
        JdbcCaseStore cases = new JdbcCaseStore(c);
        InboundStore inbound = new InboundStore();
        List<OutboxRow> out = withJournal(new OutboxStore().forCase(c, sc.id().toString()), journaled);
        CaseId id = sc.id();
        List<ThreadEntry> thread = new java.util.ArrayList<>();
        for (CaseMessage m : cases.messages(id)) {
            if (m.direction() == CaseMessage.Direction.OUT) {
                OutboxRow row = out.stream().filter(r -> m.outboxId() != null && r.id() == m.outboxId()).findFirst()
                        .orElse(null);
                String delivery = row == null ? "unknown" : deliveryState(row) + alsoFor(out, row);
                thread.add(new ThreadEntry("out", m.at(), m.kind(), m.sender(), m.recipients(), m.subject(),
                        m.messageId(), delivery, null, null, null));
            } else {
                InboundStore.InboundRecord r = m.inboundId() == null ? null
                        : inbound.find(c, m.inboundId()).orElse(null);
                thread.add(new ThreadEntry("in", m.at(), m.kind(), m.sender(), m.recipients(), m.subject(),
                        m.messageId(), null, r == null ? null : r.size(), r == null ? null : r.problems(),
                        m.inboundId() == null ? null : openpgpOf(c, m.inboundId())));
            }
        }
        List<DeadlineView> deadlines = deadlines(c, id, now);
        return new CaseView(id.toString(), sc.state().label(), sc.subject(), sc.reporter().toString(), sc.openedAt(),
                sc.updatedAt(), acknowledgement(out), sc.flags(),
                cases.classification(id).map(Assessment::of).orElse(null), cases.likelyDuplicates(id), deadlines,
                deadlines.stream().anyMatch(DeadlineView::overdue), cases.caseFile(id).map(Decisions::of).orElse(null),
                new OpenPgp(sc.encrypted(), cases.decryptionFailure(id).orElse(null)), cases.participants(id), thread,
                cases.events(id));
    }

    /** "encrypted", "signed (valid, whole message) by FPR" and the like, for one inbound message; null when neither. */
    private static String openpgpOf(Connection c, long inboundId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT encrypted, signature, signer_fingerprint, signature_whole"
                + " FROM case_message WHERE inbound_id = ?")) {
            ps.setLong(1, inboundId);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<String> facts = new java.util.ArrayList<>();
                if (rs.getBoolean(1)) {
                    facts.add("encrypted");
                }
                String signature = rs.getString(2);
                if (signature != null && !"none".equals(signature)) {
                    facts.add("signature " + signature + (rs.getBoolean(4) ? " over the whole message" : " over a part")
                            + (rs.getString(3) == null ? "" : " by " + rs.getString(3)));
                }
                return facts.isEmpty() ? null : String.join(", ", facts);
            }
        }
    }

    /** {@code rows} with those the journal holds as sent, as the daemon records them when it starts. */
    static List<OutboxRow> withJournal(List<OutboxRow> rows, List<SentJournal.Entry> journaled) {
        if (journaled.isEmpty()) {
            return rows;
        }
        return rows.stream().map(r -> journaled.stream()
                .filter(e -> e.id() == r.id() && e.messageId().equals(r.messageId())
                        && OutboxStore.PENDING.equals(r.status()))
                .findFirst()
                .map(e -> new OutboxRow(r.id(), r.caseId(), r.purpose(), r.messageId(), r.envelopeFrom(),
                        r.recipients(), "sent", r.attempts() + 1, r.nextAttemptAt(), null, r.createdAt(), e.sentAt(),
                        r.overdueReported(), e.refused()))
                .orElse(r)).toList();
    }

    /** yes (sent), queued, failed, or no: what became of the case's acknowledgement. */
    static String acknowledgement(List<OutboxRow> out) {
        return out.stream().filter(r -> "acknowledgement".equals(r.purpose())).findFirst()
                .map(r -> switch (r.status()) {
                    case "sent" -> "yes";
                    case "pending" -> "queued";
                    default -> r.status();
                })
                .orElse("no");
    }

    /**
     * What became of {@code row}'s mail for the recipients the server deferred, each queued again in a row of its
     * own with the same Message-ID, e.g. "; for kim@x.example: queued"; empty when there are none.
     */
    private static String alsoFor(List<OutboxRow> out, OutboxRow row) {
        StringBuilder sb = new StringBuilder();
        for (OutboxRow again : out) {
            if (again.id() != row.id() && again.messageId().equals(row.messageId())) {
                sb.append("; for ").append(String.join(", ", again.recipients())).append(": ")
                        .append(deliveryState(again));
            }
        }
        return sb.toString();
    }

    private static String deliveryState(OutboxRow row) {
        return switch (row.status()) {
            case "sent" -> "sent " + row.sentAt();
            case "pending" -> row.attempts() == 0 ? "queued"
                    : "queued, " + row.attempts() + " failed attempt(s), next at " + row.nextAttemptAt()
                            + (row.lastError() == null ? "" : ": " + row.lastError());
            default -> "failed after " + row.attempts() + " attempt(s): " + row.lastError();
        };
    }
}
