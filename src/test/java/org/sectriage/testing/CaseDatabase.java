package org.sectriage.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.sectriage.store.Database;

/** Reads what a test needs to assert on out of a daemon's database. */
public final class CaseDatabase {

    private final Database db;

    public CaseDatabase(Database db) {
        this.db = db;
    }

    public int count(String sql, Object... args) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public List<String> strings(String sql, Object... args) {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    public int cases() {
        return count("SELECT COUNT(*) FROM security_case");
    }

    public int inbound(String status) {
        return count("SELECT COUNT(*) FROM inbound_message WHERE status = ?", status);
    }

    public int outbox(String purpose, String status) {
        return count("SELECT COUNT(*) FROM outbox WHERE purpose = ? AND status = ?", purpose, status);
    }

    public List<String> events(String caseId) {
        return strings("SELECT type FROM case_event WHERE case_id = ? ORDER BY id", caseId);
    }
}
