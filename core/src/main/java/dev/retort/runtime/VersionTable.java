package dev.retort.runtime;

import dev.retort.ddl.Dialect;
import dev.retort.platform.Platform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table recording which revisions the database is at, one row per head, like {@code alembic_version}.
 * It lives in the connection's current schema.
 */
final class VersionTable {

    private static final String COLUMN = "version_num";

    private final String name;
    private final Platform platform;
    private final Dialect dialect;

    VersionTable(String name, Platform platform) {
        this.name = name;
        this.platform = platform;
        this.dialect = platform.dialect();
    }

    String name() {
        return name;
    }

    String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + dialect.quote(name) + " (\n    " + COLUMN
                + " varchar(" + RuntimeSettings.MAX_REVISION_ID_LENGTH + ") NOT NULL,\n    CONSTRAINT "
                + dialect.quote(name + "_pkc") + " PRIMARY KEY (" + COLUMN + ")\n)";
    }

    /** The statements that move the recorded heads from {@code from} to {@code to}. */
    List<String> updateSql(List<String> from, List<String> to) {
        List<String> removed = from.stream().filter(r -> !to.contains(r)).toList();
        List<String> added = to.stream().filter(r -> !from.contains(r)).toList();
        String table = dialect.quote(name);
        List<String> sql = new ArrayList<>();
        if (removed.size() == 1 && added.size() == 1) {
            sql.add("UPDATE " + table + " SET " + COLUMN + " = " + dialect.literal(added.get(0)) + " WHERE "
                    + COLUMN + " = " + dialect.literal(removed.get(0)));
            return sql;
        }
        for (String r : removed) {
            sql.add("DELETE FROM " + table + " WHERE " + COLUMN + " = " + dialect.literal(r));
        }
        for (String r : added) {
            sql.add("INSERT INTO " + table + " (" + COLUMN + ") VALUES (" + dialect.literal(r) + ")");
        }
        return sql;
    }

    String deleteAllSql() {
        return "DELETE FROM " + dialect.quote(name);
    }

    /**
     * The table's columns and types, or {@code null} when there is no such table in the current schema.
     * Only the current schema counts: a version table elsewhere on the search path belongs to someone else.
     */
    Map<String, String> columns(Connection connection) throws SQLException {
        return columnsOf(connection, name);
    }

    /** {@link #columns} of another table of the current schema (the history beside this one). */
    Map<String, String> columnsOf(Connection connection, String table) throws SQLException {
        return platform.tableColumns(connection, table);
    }

    /** Fails unless an existing table with this name looks like a version table. */
    void verify(Map<String, String> columns, String schema) {
        String type = columns.get(COLUMN);
        boolean textual = platform.isTextual(type);
        if (columns.size() != 1 || !textual) {
            throw new DatabaseStateException("The table " + schema + "." + name + " exists but is not a Retort "
                    + "version table (it has " + describe(columns) + "; a version table has only "
                    + COLUMN + " varchar). It probably belongs to another tool or application. Choose another "
                    + "name with version_table in retort.yaml, or rename that table.");
        }
    }

    private static String describe(Map<String, String> columns) {
        if (columns.containsKey("(relkind)")) {
            return "relkind '" + columns.get("(relkind)") + "', not an ordinary table";
        }
        if (columns.isEmpty()) {
            return "no columns";
        }
        List<String> parts = new ArrayList<>();
        columns.forEach((k, v) -> parts.add(k + " " + v));
        return "columns " + String.join(", ", parts);
    }

    /** Creates the table if missing, after checking an existing one; returns the recorded heads. */
    List<String> ensure(Connection connection) throws SQLException {
        Map<String, String> columns = columns(connection);
        if (columns == null) {
            try (Statement st = connection.createStatement()) {
                st.execute(createSql());
            }
            return List.of();
        }
        verify(columns, currentSchema(connection));
        return read(connection);
    }

    /** The recorded heads; empty when the table is missing (a database at base). */
    List<String> readIfExists(Connection connection) throws SQLException {
        Map<String, String> columns = columns(connection);
        if (columns == null) {
            return List.of();
        }
        verify(columns, currentSchema(connection));
        return read(connection);
    }

    private List<String> read(Connection connection) throws SQLException {
        List<String> heads = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMN + " FROM " + dialect.quote(name)
                     + " ORDER BY " + COLUMN)) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    String currentSchema(Connection connection) throws SQLException {
        String schema = platform.currentSchema(connection);
        if (schema == null) {
            throw new DatabaseStateException("No schema of the search_path exists in this database, so there "
                    + "is nowhere to keep the version table. Create the schema named in retort.yaml "
                    + "(CREATE SCHEMA ...) or fix the search_path.");
        }
        return schema;
    }
}
