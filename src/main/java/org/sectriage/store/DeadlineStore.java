package org.sectriage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sectriage.domain.CaseId;
import org.sectriage.sla.CaseTimeline;
import org.sectriage.sla.Deadline;
import org.sectriage.sla.DeadlineKind;
import org.sectriage.sla.Deadlines;
import org.sectriage.sla.SlaEvent;
import org.sectriage.sla.SlaEventType;

/**
 * The SLA clock's storage: each case's timeline, read from its event log, and its deadlines with the
 * instant the clock must look at it next.
 */
public final class DeadlineStore {

    /** A case's deadlines as last stored. */
    public record StoredDeadlines(CaseId caseId, Deadlines deadlines, Instant nextCheckAt) {
    }

    private static final String TIMELINE_TYPES;

    static {
        List<String> quoted = new ArrayList<>();
        for (SlaEventType t : SlaEventType.values()) {
            t.caseEventTypes().forEach(type -> quoted.add("'" + type + "'"));
        }
        TIMELINE_TYPES = String.join(",", quoted);
    }

    /** The timeline of case {@code id}: the events of its log the SLA clock counts, and its embargo date. */
    public CaseTimeline timeline(Connection c, CaseId id) throws SQLException {
        List<SlaEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at, type FROM case_event WHERE case_id = ?"
                + " AND type IN (" + TIMELINE_TYPES + ") ORDER BY id")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new SlaEvent(Rows.instant(rs, "at"), SlaEventType.ofCaseEvent(rs.getString(2)).orElseThrow()));
                }
            }
        }
        return CaseTimeline.of(events, embargo(c, id).orElse(null));
    }

    private Optional<LocalDate> embargo(Connection c, CaseId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT embargo_date FROM security_case WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDate.class)) : Optional.empty();
            }
        }
    }

    /** Stores the deadlines of case {@code id} and when to look at it next (null: not until it changes). */
    public void save(Connection c, CaseId id, Deadlines d, Instant nextCheckAt, Instant now) throws SQLException {
        Deadline disclosure = d.disclosure().orElse(null);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO case_deadline (case_id, acknowledgement_due,"
                + " acknowledged_at, first_response_due, first_response_at, next_update_due, disclosure_due,"
                + " disclosed_at, closed, next_check_at, computed_at) KEY (case_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Rows.bind(ps, id.toString(), d.acknowledgement().due(), d.acknowledgement().metAt(),
                    d.firstResponse().due(), d.firstResponse().metAt(), d.nextUpdate().due(),
                    disclosure == null ? null : disclosure.due(), disclosure == null ? null : disclosure.metAt(),
                    d.acknowledgement().closed(), nextCheckAt, now);
            ps.executeUpdate();
        }
    }

    /** The cases whose next check has come at {@code now}, the longest waiting first. */
    public List<CaseId> dueForCheck(Connection c, Instant now, int limit) throws SQLException {
        List<CaseId> due = new ArrayList<>();
        // The lower bound keeps H2 off the index entries of the cases with nothing to check (NULL, which it
        // sorts first): without it a tick read every closed case, and its cost grew with all cases.
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id FROM case_deadline"
                + " WHERE next_check_at BETWEEN ? AND ? ORDER BY next_check_at LIMIT ?")) {
            Rows.bind(ps, Instant.EPOCH, now, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(CaseId.parse(rs.getString(1)));
                }
            }
        }
        return due;
    }

    /** Puts off the next check of case {@code id} to {@code at}, e.g. after a check failed. */
    public void postpone(Connection c, CaseId id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE case_deadline SET next_check_at = ? WHERE case_id = ?")) {
            Rows.bind(ps, at, id.toString());
            ps.executeUpdate();
        }
    }

    /** The stored deadlines of case {@code id}, if they were computed. */
    public Optional<StoredDeadlines> find(Connection c, CaseId id) throws SQLException {
        List<StoredDeadlines> found = select(c, "WHERE case_id = ?", id.toString());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The stored deadlines of every open case. */
    public List<StoredDeadlines> open(Connection c) throws SQLException {
        return select(c, "WHERE closed = FALSE ORDER BY case_id");
    }

    private List<StoredDeadlines> select(Connection c, String where, Object... args) throws SQLException {
        List<StoredDeadlines> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, acknowledgement_due, acknowledged_at,"
                + " first_response_due, first_response_at, next_update_due, disclosure_due, disclosed_at, closed,"
                + " next_check_at FROM case_deadline " + where)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean closed = rs.getBoolean("closed");
                    Instant disclosureDue = Rows.instant(rs, "disclosure_due");
                    out.add(new StoredDeadlines(CaseId.parse(rs.getString("case_id")), new Deadlines(
                            new Deadline(DeadlineKind.ACKNOWLEDGEMENT, Rows.instant(rs, "acknowledgement_due"),
                                    Rows.instant(rs, "acknowledged_at"), closed),
                            new Deadline(DeadlineKind.FIRST_RESPONSE, Rows.instant(rs, "first_response_due"),
                                    Rows.instant(rs, "first_response_at"), closed),
                            new Deadline(DeadlineKind.NEXT_UPDATE, Rows.instant(rs, "next_update_due"), null, closed),
                            disclosureDue == null ? Optional.empty() : Optional.of(new Deadline(DeadlineKind.DISCLOSURE,
                                    disclosureDue, Rows.instant(rs, "disclosed_at"), closed))),
                            Rows.instant(rs, "next_check_at")));
                }
            }
        }
        return out;
    }
}
