package dev.retort.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Finds the INVALID indexes an interrupted or failed {@code CREATE INDEX CONCURRENTLY} leaves behind. */
final class InvalidIndexes {

    private InvalidIndexes() {
    }

    /** The table of the INVALID index {@code name} in the current schema, or {@code null} when there is none. */
    static String tableOfInvalid(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT t.relname FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                WHERE c.relname = ? AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND NOT i.indisvalid""")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
