package org.sectriage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The signatures that authenticated maintainers' commands, each of which counts once. */
public final class UsedSignatureStore {

    /**
     * Records that the signature with {@code digest} was used on {@code caseId}, unless it was used before.
     *
     * @return the case it was used on before; empty when this is its first use (and it is now recorded)
     */
    public Optional<String> use(Connection c, String digest, String caseId, String signer, Instant at)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT case_id FROM used_signature WHERE digest = ?")) {
            q.setString(1, digest);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO used_signature (digest, case_id, signer, used_at) VALUES (?, ?, ?, ?)")) {
            Rows.bind(ins, digest, caseId, signer == null ? "" : signer, at);
            ins.executeUpdate();
        }
        return Optional.empty();
    }
}
