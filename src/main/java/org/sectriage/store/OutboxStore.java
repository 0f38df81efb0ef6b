package org.sectriage.store;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The outbox table: mail waiting to be sent, sent, or given up on, with its exact bytes. */
public final class OutboxStore {

    /** The status of a mail not yet sent. */
    public static final String PENDING = "pending";

    /** One row of the outbox. */
    public record OutboxRow(long id, String caseId, String purpose, String messageId, String envelopeFrom,
                            List<String> recipients, String status, int attempts, Instant nextAttemptAt,
                            String lastError, Instant createdAt, Instant sentAt, boolean overdueReported,
                            String refused) {
    }

    public long insert(Connection c, String caseId, String purpose, String messageId, String envelopeFrom,
                       List<String> recipients, byte[] raw, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (case_id, purpose, message_id, envelope_from, recipients, rate_key, raw, status,"
                        + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
                new String[] {"ID"})) {
            ps.setString(1, caseId);
            ps.setString(2, purpose);
            ps.setString(3, messageId);
            ps.setString(4, envelopeFrom);
            ps.setString(5, Rows.fit(String.join(",", recipients), 4000));
            ps.setString(6, Rows.fit(recipients.get(0).toLowerCase(java.util.Locale.ROOT), 500));
            ps.setBinaryStream(7, new ByteArrayInputStream(raw), raw.length);
            Rows.setInstant(ps, 8, now);
            Rows.setInstant(ps, 9, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * How many mails of this purpose went (or are going) to this first recipient since {@code since}, counted
     * up to {@code atMost}: a limit needs no more, and counting stops reading the index there.
     */
    public int countSince(Connection c, String purpose, String rateKey, Instant since, int atMost) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE purpose = ? AND rate_key = ? AND created_at >= ?"
                + " LIMIT ?)", purpose, rateKey.toLowerCase(java.util.Locale.ROOT), since, atMost);
    }

    /**
     * Counts an automatic answer of this purpose queued at {@code at}, in its minute's row; rows older than a
     * day, which no cap reads, are dropped when a minute's row is made.
     */
    public void countAutomaticAnswer(Connection c, String purpose, Instant at) throws SQLException {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE automatic_answer_count SET queued = queued + 1 WHERE purpose = ? AND minute_start = ?")) {
            Rows.bind(ps, purpose, minute);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO automatic_answer_count (purpose, minute_start, queued) VALUES (?, ?, 1)")) {
            Rows.bind(ps, purpose, minute);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM automatic_answer_count WHERE purpose = ? AND minute_start < ?")) {
            Rows.bind(ps, purpose, minute.minus(1, ChronoUnit.DAYS));
            ps.executeUpdate();
        }
    }

    /**
     * How many automatic answers of this purpose were queued since {@code since}, to anyone, counted up to
     * {@code atMost}: the whole minutes after {@code since} from their counts, the rest of its own minute from
     * the outbox, so that the work does not grow with the number of answers.
     */
    public int countAutomaticAnswersSince(Connection c, String purpose, Instant since, int atMost)
            throws SQLException {
        Instant nextMinute = since.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        long whole = count(c, "SELECT COALESCE(SUM(queued), 0) FROM automatic_answer_count WHERE purpose = ?"
                + " AND minute_start >= ?", purpose, nextMinute);
        if (whole >= atMost) {
            return atMost;
        }
        int partial = count(c, "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE purpose = ? AND created_at >= ?"
                + " AND created_at < ? LIMIT ?)", purpose, since, nextMinute, atMost);
        return (int) Math.min(atMost, whole + partial);
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
            }
        }
    }

    /** Pending mail whose next attempt is due, oldest first. */
    public List<OutboxRow> due(Connection c, Instant now, int limit) throws SQLException {
        return select(c, "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                now, limit);
    }

    /** The row {@code id}, if there is one. */
    public java.util.Optional<OutboxRow> find(Connection c, long id) throws SQLException {
        return select(c, "WHERE id = ?", id).stream().findFirst();
    }

    public List<OutboxRow> forCase(Connection c, String caseId) throws SQLException {
        return select(c, "WHERE case_id = ? ORDER BY id", caseId);
    }

    public List<OutboxRow> all(Connection c) throws SQLException {
        return select(c, "ORDER BY id");
    }

    public byte[] raw(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT raw FROM outbox WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no outbox row " + id);
                }
                return rs.getBytes(1);
            }
        }
    }

    /** Marks a mail sent; {@code refused} lists recipients the server turned down, or is null. */
    public void markSent(Connection c, long id, Instant at, String refused) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'sent', sent_at = ?,"
                + " attempts = attempts + 1, last_error = NULL, refused = ? WHERE id = ?")) {
            Rows.setInstant(ps, 1, at);
            ps.setString(2, Rows.fit(refused, 4000));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Queues the mail of row {@code id} again, the same bytes, for {@code recipients} alone (those the server
     * deferred when it took the mail for the others), first tried at {@code next}. The new row keeps the
     * first one's creation time, so that a mail still undelivered long after it was queued is reported.
     *
     * @return the new row's id
     */
    public long queueAgainFor(Connection c, long id, List<String> recipients, Instant next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (case_id, purpose, message_id, envelope_from, recipients, rate_key, raw, status,"
                        + " attempts, next_attempt_at, created_at) SELECT case_id, purpose, message_id, envelope_from,"
                        + " ?, ?, raw, '" + PENDING + "', 0, ?, created_at FROM outbox WHERE id = ?",
                new String[] {"ID"})) {
            ps.setString(1, Rows.fit(String.join(",", recipients), 4000));
            ps.setString(2, Rows.fit(recipients.get(0).toLowerCase(java.util.Locale.ROOT), 500));
            Rows.setInstant(ps, 3, next);
            ps.setLong(4, id);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no outbox row " + id);
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Notes that a long-undelivered mail has been reported, so that it is reported once. */
    public void markOverdueReported(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET overdue_reported = TRUE WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    public void markRetry(Connection c, long id, Instant next, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
            Rows.setInstant(ps, 1, next);
            ps.setString(2, Rows.fit(error, 2000));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    public void markFailed(Connection c, long id, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            ps.setString(1, Rows.fit(error, 2000));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private List<OutboxRow> select(Connection c, String where, Object... args) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, case_id, purpose, message_id, envelope_from, recipients, status, attempts, next_attempt_at,"
                        + " last_error, created_at, sent_at, overdue_reported, refused FROM outbox " + where)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxRow(rs.getLong("id"), rs.getString("case_id"), rs.getString("purpose"),
                            rs.getString("message_id"), rs.getString("envelope_from"),
                            List.of(rs.getString("recipients").split(",")), rs.getString("status"),
                            rs.getInt("attempts"), Rows.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                            Rows.instant(rs, "created_at"), Rows.instant(rs, "sent_at"),
                            rs.getBoolean("overdue_reported"), rs.getString("refused")));
                }
            }
        }
        return out;
    }
}
