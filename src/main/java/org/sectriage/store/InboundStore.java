package org.sectriage.store;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The raw inbound messages: each stored exactly once, keyed by folder, UIDVALIDITY and UID, and a
 * second time by Message-ID plus content hash so that a server's UIDVALIDITY reset does not store
 * a message twice.
 */
public final class InboundStore {

    /** Where a stored message is in the pipeline. */
    public enum Status { STORED, PROCESSED, IGNORED, QUARANTINED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A stored inbound message, without its raw bytes. */
    public record InboundRecord(long id, String folder, long uidValidity, long uid, String messageId,
                                String sha256, long size, Instant fetchedAt, String status,
                                String statusDetail, String caseId, String kind, String sender,
                                String subject, String problems, boolean asReport) {
    }

    /** The raw message about to be stored. */
    public record NewInbound(String folder, long uidValidity, long uid, String messageId, String sha256,
                             long size, InputStream raw) {
    }

    /** The UIDs of {@code folder} with this UIDVALIDITY that are already stored. */
    public Set<Long> storedUids(Connection c, String folder, long uidValidity, long fromUid, long toUid)
            throws SQLException {
        Set<Long> uids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT uid FROM inbound_message WHERE folder = ? AND uid_validity = ? AND uid BETWEEN ? AND ?")) {
            ps.setString(1, folder);
            ps.setLong(2, uidValidity);
            ps.setLong(3, fromUid);
            ps.setLong(4, toUid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uids.add(rs.getLong(1));
                }
            }
        }
        return uids;
    }

    /**
     * Stores a message unless the same Message-ID and content are already stored.
     *
     * @return the new row's id, or empty when it was a duplicate
     */
    public Optional<Long> insert(Connection c, NewInbound m, Instant now) throws SQLException {
        String messageId = m.messageId() == null ? "" : Rows.fit(m.messageId(), 1000);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM inbound_message WHERE message_id = ? AND sha256 = ?")) {
            ps.setString(1, messageId);
            ps.setString(2, m.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    recordUid(c, rs.getLong(1), m);
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO inbound_message (folder, uid_validity, uid, message_id, sha256, size, raw, fetched_at, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'stored')",
                new String[] {"ID"})) {
            ps.setString(1, m.folder());
            ps.setLong(2, m.uidValidity());
            ps.setLong(3, m.uid());
            ps.setString(4, messageId);
            ps.setString(5, m.sha256());
            ps.setLong(6, m.size());
            ps.setBinaryStream(7, m.raw(), m.size());
            Rows.setInstant(ps, 8, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        }
    }

    /** Points a stored message at the new UID a server gave it after a UIDVALIDITY reset. */
    private void recordUid(Connection c, long id, NewInbound m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE inbound_message SET folder = ?, uid_validity = ?, uid = ? WHERE id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM inbound_message WHERE folder = ? AND uid_validity = ? AND uid = ?)")) {
            ps.setString(1, m.folder());
            ps.setLong(2, m.uidValidity());
            ps.setLong(3, m.uid());
            ps.setLong(4, id);
            ps.setString(5, m.folder());
            ps.setLong(6, m.uidValidity());
            ps.setLong(7, m.uid());
            ps.executeUpdate();
        }
    }

    /** The oldest messages still waiting for the pipeline. */
    public List<Long> pending(Connection c, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM inbound_message WHERE status = 'stored' ORDER BY id LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    public Optional<InboundRecord> find(Connection c, long id) throws SQLException {
        List<InboundRecord> found = select(c, "WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every inbound message not in any case: ignored ones and quarantined ones. */
    public List<InboundRecord> unfiled(Connection c) throws SQLException {
        return select(c, "WHERE case_id IS NULL AND status <> 'stored' ORDER BY id");
    }

    public List<InboundRecord> all(Connection c) throws SQLException {
        return select(c, "ORDER BY id");
    }

    /** The raw bytes of a stored message, as a stream valid while the connection's transaction is. */
    public InputStream openRaw(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT raw FROM inbound_message WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no inbound message " + id);
                }
                return rs.getBlob(1).getBinaryStream();
            }
        }
    }

    /** Counts one more start of the pipeline on a message, and returns how many there have been. */
    /** How many times processing of message {@code id} was started; 0 for one never started. */
    public int attempts(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM inbound_message WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    public int countAttempt(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE inbound_message SET attempts = attempts + 1 WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM inbound_message WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Puts a quarantined message back in the queue with a fresh count of attempts. With
     * {@code asReport}, a message that was ignored (as spam, say) is queued too, and is processed as a
     * security report whatever the classifier says.
     *
     * @return false when there is no such message to queue again
     */
    public boolean retry(Connection c, long id, boolean asReport) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET status = 'stored', attempts = 0,"
                + " status_detail = NULL, as_report = ? WHERE id = ? AND (status = 'quarantined'"
                + " OR (? AND status = 'ignored' AND case_id IS NULL))")) {
            ps.setBoolean(1, asReport);
            ps.setLong(2, id);
            ps.setBoolean(3, asReport);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records what the pipeline made of a message. */
    public void finish(Connection c, long id, Status status, String detail, String caseId, String kind,
                       String sender, String subject, String problems) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE inbound_message SET status = ?, status_detail = ?, case_id = ?, kind = ?, sender = ?,"
                        + " subject = ?, problems = ? WHERE id = ?")) {
            ps.setString(1, status.column());
            ps.setString(2, Rows.fit(detail, 2000));
            ps.setString(3, caseId);
            ps.setString(4, kind);
            ps.setString(5, Rows.fit(sender, 500));
            ps.setString(6, Rows.fit(subject, 1000));
            ps.setString(7, Rows.fit(problems, 4000));
            ps.setLong(8, id);
            ps.executeUpdate();
        }
    }

    private List<InboundRecord> select(Connection c, String where, Object... args) throws SQLException {
        List<InboundRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, folder, uid_validity, uid, message_id, sha256, size, fetched_at, status, status_detail,"
                        + " case_id, kind, sender, subject, problems, as_report FROM inbound_message " + where)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InboundRecord(rs.getLong("id"), rs.getString("folder"), rs.getLong("uid_validity"),
                            rs.getLong("uid"), rs.getString("message_id"), rs.getString("sha256"), rs.getLong("size"),
                            Rows.instant(rs, "fetched_at"), rs.getString("status"), rs.getString("status_detail"),
                            rs.getString("case_id"), rs.getString("kind"), rs.getString("sender"),
                            rs.getString("subject"), rs.getString("problems"), rs.getBoolean("as_report")));
                }
            }
        }
        return out;
    }
}
