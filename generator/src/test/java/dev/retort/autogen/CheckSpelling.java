package dev.retort.autogen;

import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's settled spelling of a check constraint. Its deparser is not a fixed point: {@code tier in ('A','B')}
 * is stored as {@code ((tier)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}, and that text, parsed
 * again, as {@code ARRAY[('A'::character varying)::text, ...]}. Two spellings mean the same constraint when adding
 * each again until it no longer changes gives the same text.
 */
final class CheckSpelling {

    private CheckSpelling() {
    }

    /** {@code definition} ({@code CHECK (...)}) on {@code table}, re-added until PostgreSQL spells it the same twice. */
    static String settled(TestDatabase db, String table, String definition) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                String current = definition;
                for (int i = 0; i < 5; i++) {
                    st.execute("ALTER TABLE " + quoted + " ADD CONSTRAINT retort_probe " + current + " NOT VALID");
                    String next;
                    try (ResultSet rs = st.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                            + "WHERE conname = 'retort_probe' AND conrelid = '" + quoted.replace("'", "''") + "'::regclass")) {
                        rs.next();
                        next = rs.getString(1).replace(" NOT VALID", "");
                    }
                    st.execute("ALTER TABLE " + quoted + " DROP CONSTRAINT retort_probe");
                    if (next.equals(current)) {
                        return next;
                    }
                    current = next;
                }
                return current;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot settle " + definition + " on " + table + ": " + e.getMessage(), e);
        }
    }
}
