package org.sectriage.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between JDBC columns and the Java types the stores use. */
final class Rows {

    private Rows() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setObject(index, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Binds {@code args} to the statement's parameters in order; an Instant as a UTC timestamp. */
    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant t) {
                setInstant(ps, i + 1, t);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    /** Cuts a value to a column's width, so an over-long header never fails an insert. */
    static String fit(String value, int width) {
        if (value == null || value.length() <= width) {
            return value;
        }
        return value.substring(0, width - 1) + "…";
    }
}
