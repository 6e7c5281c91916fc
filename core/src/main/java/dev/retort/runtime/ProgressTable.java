package dev.retort.runtime;

import dev.retort.InertText;
import dev.retort.ddl.Dialect;
import dev.retort.platform.Platform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code <version table>_progress}: where DDL is not transactional (MariaDB, MySQL), the record of the revision being
 * applied or undone, written as each statement starts and committed at once, so a failure or a killed process
 * leaves a row saying which revision stopped, how many of its statements ran, which one was running, and the
 * statements that undo those that ran. Its row goes in the same transaction as the version-table update that ends
 * the revision. While a row is there, upgrades and downgrades are refused until {@code retort repair} (or
 * {@code stamp}) clears it: Flyway's failed-migration state, with the undo beside it.
 */
final class ProgressTable {

    static final String SUFFIX = "_progress";

    private final String name;
    private final Platform platform;
    private final Dialect dialect;

    ProgressTable(String versionTable, Platform platform) {
        this.name = versionTable + SUFFIX;
        this.platform = platform;
        this.dialect = platform.dialect();
    }

    /** A revision that stopped half way, as its row says. */
    record Record(String revision, String operation, int statementsRun, String running, String undo, String failure,
                  String startedAt) {

        /** Several lines saying what happened and what to do, every value from the database made inert. */
        String describe(String table, String versionTable) {
            StringBuilder m = new StringBuilder();
            m.append("The ").append(operation).append(" of revision ").append(InertText.line(revision))
                    .append(" stopped half way (started ").append(InertText.line(startedAt)).append("), and this "
                    + "database commits each DDL statement on its own, so it is now neither at the revision before "
                    + "nor at ").append(InertText.line(revision)).append(". ")
                    .append(statementsRun).append(statementsRun == 1 ? " statement of it ran" : " statements of it ran");
            if (running != null) {
                m.append("; then ").append(failure != null ? "this one failed (" + InertText.line(failure) + ")"
                        : "the process stopped while this one ran (it may or may not have completed)")
                        .append(": ").append(InertText.line(running));
            }
            m.append(".");
            if (!undo.isBlank()) {
                m.append(" These statements undo what ran, last first:\n");
                undo.lines().forEach(line -> m.append("    ").append(InertText.line(line)).append("\n"));
            } else {
                m.append(" Nothing of it needs undoing.\n");
            }
            m.append("Bring the database back to the revision before (run those statements, or finish the revision "
                    + "by hand), then run 'retort repair' to clear the record in ").append(table)
                    .append(", or 'retort stamp REV' to record where the database is; until then ").append(versionTable)
                    .append(" is not trusted and upgrades and downgrades are refused.");
            return m.toString();
        }
    }

    String name() {
        return name;
    }

    String createSql() {
        return platform.createProgressTable(dialect.quote(name), RuntimeSettings.MAX_REVISION_ID_LENGTH);
    }

    void ensure(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(createSql());
        }
    }

    /** The row of a revision that stopped half way, or {@code null} when there is none (or no table yet). */
    Record read(Connection connection) throws SQLException {
        if (platform.tableColumns(connection, name) == null) {
            return null;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT revision, operation, statements_run, running, undo_sql, failure, "
                     + "started_at FROM " + dialect.quote(name) + " ORDER BY started_at")) {
            if (!rs.next()) {
                return null;
            }
            return new Record(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), String.valueOf(rs.getObject(7)));
        }
    }

    String startSql(String revision, String operation) {
        return "INSERT INTO " + dialect.quote(name) + " (revision, operation, statements_run, undo_sql) VALUES ("
                + dialect.literal(revision) + ", " + dialect.literal(operation) + ", 0, '')";
    }

    String runningSql(String revision, int statementsRun, String running, String undo) {
        return "UPDATE " + dialect.quote(name) + " SET statements_run = " + statementsRun + ", running = "
                + dialect.literal(running) + ", undo_sql = " + dialect.literal(undo) + " WHERE revision = "
                + dialect.literal(revision);
    }

    String failedSql(String revision, int statementsRun, String failure, String undo) {
        return "UPDATE " + dialect.quote(name) + " SET statements_run = " + statementsRun + ", failure = "
                + dialect.literal(failure) + ", undo_sql = " + dialect.literal(undo) + " WHERE revision = "
                + dialect.literal(revision);
    }

    String finishSql(String revision) {
        return "DELETE FROM " + dialect.quote(name) + " WHERE revision = " + dialect.literal(revision);
    }

    String clearSql() {
        return "DELETE FROM " + dialect.quote(name);
    }
}
