package org.sectriage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Public keys learned from reporters, by address: an attached key or an Autocrypt header. */
public final class KnownKeyStore {

    /** One learned key, ASCII-armored. */
    public record KnownKey(String address, String fingerprint, String armored, String source, Instant learnedAt) {
    }

    /** Stores {@code key} for its address unless that address already has this key. */
    public void learn(Connection c, KnownKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO known_key (address, fingerprint, armored, source,"
                + " learned_at) KEY (address, fingerprint) VALUES (?, ?, ?, ?, ?)")) {
            Rows.bind(ps, Rows.fit(key.address().toLowerCase(java.util.Locale.ROOT), 500), key.fingerprint(),
                    key.armored(), key.source(), key.learnedAt());
            ps.executeUpdate();
        }
    }

    /** The newest key learned for {@code address}, if any. */
    public Optional<KnownKey> newest(Connection c, String address) throws SQLException {
        List<KnownKey> keys = select(c, "WHERE address = ? ORDER BY id DESC LIMIT 1",
                address.toLowerCase(java.util.Locale.ROOT));
        return keys.stream().findFirst();
    }

    /** Every key learned for {@code address}, oldest first. */
    public List<KnownKey> of(Connection c, String address) throws SQLException {
        return select(c, "WHERE address = ? ORDER BY id", address.toLowerCase(java.util.Locale.ROOT));
    }

    private List<KnownKey> select(Connection c, String where, Object... args) throws SQLException {
        List<KnownKey> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT address, fingerprint, armored, source, learned_at FROM known_key " + where)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KnownKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Rows.instant(rs, "learned_at")));
                }
            }
        }
        return out;
    }
}
