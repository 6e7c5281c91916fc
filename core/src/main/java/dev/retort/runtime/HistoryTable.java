package dev.retort.runtime;

import dev.retort.InertText;
import dev.retort.ddl.Dialect;
import dev.retort.platform.Platform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The log beside the version table ({@code <version table>_history}): one row per revision applied, undone or
 * stamped, with when, by whom and how long it took, as Flyway's schema history records. The version table stays
 * the truth about where the database is (its heads, as Alembic's); this table only answers "when". It is created
 * in the first revision's transaction, like the version table, and written in each revision's own transaction,
 * so a revision that fails leaves no row.
 */
final class HistoryTable {

    static final String SUFFIX = "_history";

    private static final List<String> COLUMNS = List.of("applied_at", "applied_by", "execution_ms", "message",
            "operation", "revision");

    private final String name;
    private final Platform platform;
    private final Dialect dialect;

    HistoryTable(String versionTable, Platform platform) {
        this.name = versionTable + SUFFIX;
        this.platform = platform;
        this.dialect = platform.dialect();
    }

    String name() {
        return name;
    }

    String createSql() {
        return platform.createHistoryTable(dialect.quote(name), RuntimeSettings.MAX_REVISION_ID_LENGTH);
    }

    /**
     * The row for one revision's step; {@code executionMillis} is {@code null} in an offline script, where no one
     * measures. The message is stored as one inert line.
     */
    String insertSql(Step step, Long executionMillis) {
        return insertSql(step.revision().id(), step.upgrade() ? "upgrade" : "downgrade", step.revision().message(),
                executionMillis);
    }

    String insertSql(String revision, String operation, String message, Long executionMillis) {
        return "INSERT INTO " + dialect.quote(name) + " (revision, operation, message, execution_ms) VALUES ("
                + dialect.literal(revision) + ", " + dialect.literal(operation) + ", "
                + dialect.literal(InertText.line(message == null ? "" : message)) + ", "
                + (executionMillis == null ? "NULL" : executionMillis.toString()) + ")";
    }

    /** Creates the table if it is missing, after checking that an existing one is Retort's. */
    void ensure(Connection connection, VersionTable versionTable) throws SQLException {
        Map<String, String> columns = versionTable.columnsOf(connection, name);
        if (columns == null) {
            try (Statement st = connection.createStatement()) {
                st.execute(createSql());
            }
            return;
        }
        verify(columns, versionTable.currentSchema(connection));
    }

    /** Every row, oldest first; empty when the table does not exist (a database migrated before it was kept). */
    List<HistoryEntry> read(Connection connection, VersionTable versionTable) throws SQLException {
        Map<String, String> columns = versionTable.columnsOf(connection, name);
        if (columns == null) {
            return List.of();
        }
        verify(columns, versionTable.currentSchema(connection));
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT revision, operation, message, applied_at, applied_by, "
                     + "execution_ms FROM " + dialect.quote(name) + " ORDER BY applied_at, revision")) {
            while (rs.next()) {
                String revision = rs.getString(1);
                String operation = rs.getString(2);
                String message = rs.getString(3);
                OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                String by = rs.getString(5);
                long ms = rs.getLong(6);
                entries.add(new HistoryEntry(revision, operation, message, at, by, rs.wasNull() ? null : ms));
            }
        }
        return entries;
    }

    private void verify(Map<String, String> columns, String schema) {
        if (!columns.keySet().containsAll(COLUMNS)) {
            throw new DatabaseStateException("The table " + schema + "." + name + " exists but is not Retort's "
                    + "revision history (it lacks " + COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList()
                    + "). Retort keeps the history of a version table in <version table>" + SUFFIX
                    + ". Rename that table, or choose another version_table in retort.yaml.");
        }
    }
}
