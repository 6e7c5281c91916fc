package dev.retort.runtime;

import dev.retort.RetortException;
import dev.retort.migration.MigrationScript;
import java.util.List;

/** A migration failed; the database was left at the revision(s) before it. */
public class MigrationFailedException extends RetortException {

    private final String revision;

    public MigrationFailedException(MigrationScript script, boolean upgrade, String operation, String sql,
                                    Throwable cause, List<String> stillAt, boolean partial) {
        super(message(script, upgrade, operation, sql, cause, stillAt, partial), cause);
        this.revision = script.id();
    }

    public String revision() {
        return revision;
    }

    private static String message(MigrationScript script, boolean upgrade, String operation, String sql,
                                  Throwable cause, List<String> stillAt, boolean partial) {
        StringBuilder m = new StringBuilder();
        m.append(upgrade ? "Upgrade" : "Downgrade").append(" of revision ").append(script.id());
        if (!script.message().isEmpty()) {
            m.append(" (").append(script.message()).append(")");
        }
        m.append(" in ").append(script.source()).append(" failed");
        if (operation != null) {
            m.append(" at '").append(operation).append("'");
        }
        m.append(": ").append(causeText(cause));
        if (sql != null) {
            m.append("\n  SQL: ").append(sql.replace("\n", "\n       "));
        }
        m.append("\nThe database remains at ")
                .append(stillAt.isEmpty() ? "base (no revision)" : "revision " + String.join(", ", stillAt))
                .append("; the failed revision's transaction was rolled back.");
        if (cause instanceof java.sql.SQLException locks && "53200".equals(locks.getSQLState())) {
            m.append(" The revision takes more locks than the server's lock table holds (max_locks_per_transaction "
                    + "x max_connections): split it into several revisions (retort generate does so by itself for a "
                    + "large diff), or raise max_locks_per_transaction in postgresql.conf and restart the server.");
        }
        if (partial) {
            m.append(" Statements that ran outside the transaction (CREATE/DROP INDEX CONCURRENTLY, ALTER TYPE ... "
                    + "ADD VALUE) before the failure stay applied; check them before you run it again.");
        }
        return m.toString();
    }

    private static String causeText(Throwable cause) {
        if (cause instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]";
            return sql.getMessage().strip() + state;
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
