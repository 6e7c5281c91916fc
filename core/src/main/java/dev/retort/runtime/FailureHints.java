package dev.retort.runtime;

import dev.retort.ddl.Dialect;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Operation;
import dev.retort.platform.Platform;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What to do about a failed revision, for the failures whose cause and remedy are known. */
final class FailureHints {

    private FailureHints() {
    }

    /** The advice for {@code cause}, or {@code null}; asks the database only when the answer depends on it. */
    static String hint(Connection connection, Throwable cause, Operation operation,
                       MigrationFailedException.Aftermath aftermath, Platform platform) {
        Dialect dialect = platform.dialect();
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return null;
        }
        if (operation instanceof CreateIndex create && create.concurrently() && !platform.isDuplicateObject(sql)) {
            return leftInvalid(connection, create, platform);
        }
        if (platform.isDuplicateObject(sql)) {
            return operation instanceof CreateIndex create ? existingIndex(connection, create, aftermath, platform) : null;
        }
        return platform.adviceFor(sql);
    }

    /** A statement gave up waiting for a lock: who held it, and what to do. */
    static String lockTimeout(List<String> holders, int attempts, RuntimeSettings settings, Platform platform) {
        String tried = attempts > 1 ? " on each of " + attempts + " attempts" : "";
        String timeout = settings.lockTimeout() == null ? "lock_timeout"
                : "lock_timeout (" + settings.lockTimeout().toMillis() + " ms)";
        if (holders.isEmpty()) {
            return "Another session held a lock the revision needed for longer than " + timeout + tried + "; it has "
                    + "let go since. Run the upgrade again" + (settings.lockRetries() == 0 ? ", or let Retort retry "
                    + "by itself (lock_retries in retort.yaml)." : ".");
        }
        return "Another session held a lock the revision needed for longer than " + timeout + tried + ": "
                + String.join("; ", holders) + ". " + platform.sessionAdvice(holders.get(0))
                + ", or run the upgrade again when it is done" + (settings.lockRetries() == 0 ? " (lock_retries in "
                + "retort.yaml retries by itself)." : ".");
    }

    /** A concurrent build that failed (duplicates, a timeout, a cancel) leaves its index INVALID. */
    private static String leftInvalid(Connection connection, CreateIndex create, Platform platform) {
        String name = create.index().name();
        try {
            if (name == null || platform.invalidIndexTable(connection, name) == null) {
                return null;
            }
        } catch (SQLException e) {
            return null;
        }
        return "The failed build left index " + name + " INVALID (PostgreSQL maintains it on every write but never uses "
                + "it): fix the cause and run the upgrade again, which drops it and builds it anew.";
    }

    private static String existingIndex(Connection connection, CreateIndex create,
                                        MigrationFailedException.Aftermath aftermath, Platform platform) {
        Dialect dialect = platform.dialect();
        String name = create.index().name();
        if (name == null) {
            return null;
        }
        String drop = dialect.statements(new DropIndex(create.table(), name, null, true)).get(0).sql() + ";";
        try {
            String table = platform.invalidIndexTable(connection, name);
            if (table != null) {
                return "Index " + name + " on " + table + " is INVALID, left by an interrupted or failed CREATE INDEX "
                        + "CONCURRENTLY (it is maintained on every write but never used). Drop it and run the upgrade "
                        + "again: " + drop;
            }
        } catch (SQLException e) {
            return null; // the connection is gone; the message stands without the hint
        }
        return aftermath == MigrationFailedException.Aftermath.NOT_TRANSACTIONAL
                ? "If an earlier, interrupted run of this revision built it, that part is done: drop it (" + drop
                    + ") or write the statement so it can be repeated, then run the upgrade again."
                : null;
    }
}
