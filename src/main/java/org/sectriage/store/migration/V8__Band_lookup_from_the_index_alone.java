package org.sectriage.store.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Duplicate search reads the latest cases under each of a report's 24 band keys. The index held only
 * {@code (band_key, id)}, so each of the up to 480 entries read was followed by a look-up of its row for
 * the case id; with {@code case_id} in the index the search reads the index alone. The foreign key on
 * {@code case_id} was checked, and an index of its own kept, for each of a report's 24 band rows; the rows
 * are written only by the step that opens their case, in its transaction, so none can name a missing case.
 * H2 named that key itself, so it is found by table and type.
 */
public final class V8__Band_lookup_from_the_index_alone extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> foreignKeys = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                     + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'CASE_BAND' AND CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
            while (rs.next()) {
                foreignKeys.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String fk : foreignKeys) {
                s.execute("ALTER TABLE case_band DROP CONSTRAINT \"" + fk.replace("\"", "\"\"") + "\"");
            }
            s.execute("DROP INDEX ix_case_band_key");
            s.execute("CREATE INDEX ix_case_band_lookup ON case_band (band_key, id, case_id)");
        }
    }
}
