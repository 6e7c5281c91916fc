package dev.retort.runtime;

import dev.retort.InertText;
import dev.retort.RetortException;
import dev.retort.ddl.Dialect;
import dev.retort.ddl.SqlStatement;
import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.op.Operation;
import dev.retort.platform.Platform;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies and undoes migrations. Every run holds the platform's migration lock (on PostgreSQL an advisory lock,
 * keyed by schema and version table) so concurrent runners serialize; every revision runs in its own transaction together with its
 * version-table update, so a failure leaves the database at the revision before it, unless the revision is
 * declared {@code @Revision(transactional = false)}: its statements then commit one by one and the failure
 * message lists those that stay. Each revision applied, undone or stamped also gets a row in the history table
 * beside the version table ({@link RuntimeSettings#historyTable()}), written in the revision's own transaction.
 */
public final class Runner {

    private final RevisionGraph graph;
    private final Platform platform;
    private final Dialect dialect;
    private final VersionTable versionTable;
    private final HistoryTable history;
    private final ProgressTable progressTable;
    private final RunListener listener;
    private final Planner planner;
    private final RuntimeSettings settings;
    /** The attempt at the step being run (1, then 2 on its first retry, ...), for the failure message. */
    private int attempt = 1;

    /** @param platform the database's ({@link Platform#forUrl}): its DDL, migration lock and catalog questions */
    public Runner(RevisionGraph graph, Platform platform, RuntimeSettings settings, RunListener listener) {
        this.graph = graph;
        this.platform = platform;
        this.dialect = platform.dialect();
        requireRoomForHistory(settings.versionTable(), platform);
        this.versionTable = new VersionTable(settings.versionTable(), platform);
        this.history = new HistoryTable(settings.versionTable(), platform);
        this.progressTable = new ProgressTable(settings.versionTable(), platform);
        this.listener = listener;
        this.planner = new Planner(graph);
        this.settings = settings;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** The history's name ({@code <version table>_history}) must fit the platform's names, which would cut it. */
    private static void requireRoomForHistory(String versionTable, Platform platform) {
        int room = platform.maxIdentifierBytes() - (platform.transactionalDdl() ? HistoryTable.SUFFIX
                : ProgressTable.SUFFIX).length();
        if (versionTable.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > room) {
            throw new RetortException("The version table name '" + InertText.line(versionTable) + "' is too long: "
                    + "Retort keeps the revision history beside it in '<version table>" + HistoryTable.SUFFIX + "'"
                    + (platform.transactionalDdl() ? "" : " and its progress in '<version table>" + ProgressTable.SUFFIX
                        + "'") + ", and "
                    + platform.name() + " names hold at most " + platform.maxIdentifierBytes() + " bytes, so a version "
                    + "table name may have at most " + room + ". Choose a shorter one (version_table in retort.yaml, "
                    + "retort.version-table in Spring Boot).");
        }
    }

    /** The revisions the database records as its heads (empty at base), checked against the migrations. */
    public List<String> current(Connection connection) {
        return sql(() -> {
            List<String> heads = versionTable.readIfExists(connection);
            planner.checkKnown(heads, versionTable.name());
            return heads;
        });
    }

    /** Applies every revision up to {@code target}; returns the steps taken. */
    public List<Step> upgrade(Connection connection, String target) {
        return locked(connection, () -> {
            List<String> current = versionTable.readIfExists(connection);
            planner.checkKnown(current, versionTable.name());
            refuseHalfApplied(connection);
            List<Step> steps = planner.upgrade(current, target);
            if (!steps.isEmpty()) {
                // Created inside the first revision's transaction, so if that revision fails nothing is left.
                connection.setAutoCommit(false);
                ensureTables(connection, true);
            }
            return run(connection, steps);
        });
    }

    /** Undoes every revision above {@code target}; returns the steps taken. */
    public List<Step> downgrade(Connection connection, String target) {
        return locked(connection, () -> {
            List<String> current = versionTable.readIfExists(connection);
            planner.checkKnown(current, versionTable.name());
            refuseHalfApplied(connection);
            List<Step> steps = planner.downgrade(current, target);
            if (!steps.isEmpty()) {
                connection.setAutoCommit(false); // as for an upgrade: part of the first revision's transaction
                ensureTables(connection, false);
            }
            return run(connection, steps);
        });
    }

    /**
     * Records {@code target} as the database's revision without running migrations. With {@code purge} the
     * version table is emptied first without checking what it held (for one stamped with unknown revisions).
     */
    public List<String> stamp(Connection connection, String target, boolean purge) {
        return locked(connection, () -> {
            List<String> current = versionTable.readIfExists(connection);
            if (!purge) {
                planner.checkKnown(current, versionTable.name());
            }
            List<String> to = planner.resolveHeads(purge ? List.of() : current, target);
            connection.setAutoCommit(false);
            ensureTables(connection, true);
            try (java.sql.Statement st = connection.createStatement()) {
                if (!platform.transactionalDdl()) {
                    st.execute(progressTable.clearSql());
                }
                st.execute(versionTable.deleteAllSql());
                for (String sql : versionTable.updateSql(List.of(), to)) {
                    st.execute(sql);
                }
                for (String id : to) {
                    st.execute(history.insertSql(id, "stamp", graph.get(id).message(), null));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            return to;
        });
    }

    /**
     * The revision history, oldest first: every revision applied, undone or stamped since the database had a
     * history (empty when it has none, e.g. one migrated by an older Retort). The version table, not this, says
     * where the database is.
     */
    public List<HistoryEntry> history(Connection connection) {
        return sql(() -> history.read(connection, versionTable));
    }

    /**
     * Where DDL is not transactional: what the record of a revision that stopped half way says (several lines:
     * which revision, what ran, what failed, the statements that undo it), or {@code null} when none did.
     */
    public String halfApplied(Connection connection) {
        return sql(() -> {
            ProgressTable.Record record = platform.transactionalDdl() ? null : progressTable.read(connection);
            return record == null ? null : record.describe(progressTable.name(), versionTable.name());
        });
    }

    /**
     * Clears the record of a revision that stopped half way, once the user has brought the database back to the
     * revision before it (or finished it by hand and stamped); returns what the record said, or {@code null} when
     * there was none. The version table is left as it is.
     */
    public String repair(Connection connection) {
        return locked(connection, () -> {
            String said = halfApplied(connection);
            if (said != null) {
                try (java.sql.Statement st = connection.createStatement()) {
                    st.execute(progressTable.clearSql());
                }
            }
            return said;
        });
    }

    private void refuseHalfApplied(Connection connection) {
        String said = halfApplied(connection);
        if (said != null) {
            throw new DatabaseStateException(said);
        }
    }

    /** The plan an upgrade would follow, without running it. */
    public List<Step> planUpgrade(List<String> from, String target) {
        return planner.upgrade(from, target);
    }

    /** The plan a downgrade would follow, without running it. */
    public List<Step> planDowngrade(List<String> from, String target) {
        return planner.downgrade(from, target);
    }

    /**
     * The offline SQL script for going from {@code from} (a revision reference or {@code base}) to
     * {@code target}: one {@code BEGIN}/{@code COMMIT} block per revision, version-table updates included.
     * Needs no database.
     */
    public String script(String from, String target, boolean upgrade) {
        List<String> start = planner.resolveHeads(List.of(), from);
        List<Step> steps = upgrade ? planner.upgrade(start, target) : planner.downgrade(start, target);
        StringBuilder out = new StringBuilder();
        out.append(dialect.comment("Retort offline script: " + (upgrade ? "upgrade " : "downgrade ") + from + " -> "
                + target)).append("\n\n");
        ScriptExecutor executor = new ScriptExecutor(out, dialect);
        if (upgrade && start.isEmpty()) {
            executor.line(versionTable.createSql());
        }
        executor.line(history.createSql());
        for (Step step : steps) {
            out.append("-- ").append(progress(step)).append("\n"); // progress() is one inert line
            boolean transactional = step.revision().transactional() && platform.transactionalDdl();
            if (!platform.transactionalDdl()) {
                out.append(dialect.comment(platform.name() + " commits each DDL statement on its own: if one fails, "
                        + "those before it stay applied; undo them before running the rest.")).append("\n");
            } else if (!transactional) {
                out.append(dialect.comment("Runs outside a transaction (@Revision(transactional = false)): each "
                        + "statement commits on its own.")).append("\n");
            }
            out.append("\n");
            if (transactional) {
                out.append(platform.scriptBegin()).append(";\n\n");
                if (settings.lockTimeout() != null) {
                    executor.line(platform.setLockTimeout(settings.lockTimeout(), true));
                }
            } else if (settings.lockTimeout() != null) {
                executor.line(platform.setLockTimeout(settings.lockTimeout(), false));
            }
            try {
                executor.begin(step.revision());
                invoke(step, new Operations(executor));
            } catch (RuntimeException e) {
                throw new RetortException("Cannot write the offline script: " + (step.upgrade() ? "the upgrade" : "the downgrade")
                        + " of revision " + step.revision().label() + " in " + step.revision().source() + " failed: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
            if (!transactional) {
                if (settings.lockTimeout() != null) {
                    executor.line(platform.resetLockTimeout());
                }
                out.append(platform.scriptBegin()).append(";\n\n");
            }
            for (String sql : versionTable.updateSql(step.from(), step.to())) {
                executor.line(sql);
            }
            executor.line(history.insertSql(step, null));
            out.append(platform.scriptCommit()).append(";\n\n");
        }
        return out.toString();
    }

    /**
     * {@code Running upgrade 1a2b -> 3c4d, add reminders}, as Alembic says it: one line, the message made inert
     * ({@link InertText}), so it is safe in a console and in an SQL comment.
     */
    public static String progress(Step step) {
        String from = heads(step.from());
        String to = heads(step.to());
        String message = InertText.line(step.revision().message());
        return "Running " + (step.upgrade() ? "upgrade " : "downgrade ") + from + " -> " + to
                + (message.isEmpty() ? "" : ", " + message);
    }

    /** {@code <base>}, {@code 1a2b}, or {@code (1a2b, 3c4d)} when there are several heads. */
    private static String heads(List<String> ids) {
        if (ids.isEmpty()) {
            return "<base>";
        }
        return ids.size() == 1 ? ids.get(0) : "(" + String.join(", ", ids) + ")";
    }

    private List<Step> run(Connection connection, List<Step> steps) throws SQLException {
        List<Step> done = new ArrayList<>();
        for (Step step : steps) {
            listener.running(step.upgrade(), step.revision(), step.from(), step.to());
            for (attempt = 1; ; attempt++) {
                try {
                    if (step.revision().transactional() && platform.transactionalDdl()) {
                        runInTransaction(connection, step);
                    } else {
                        runWithoutTransaction(connection, step);
                    }
                    break;
                } catch (MigrationFailedException e) {
                    if (!e.gaveUpOnLock() || !e.leftNothing() || attempt > settings.lockRetries()) {
                        throw e;
                    }
                    java.time.Duration delay = settings.retryDelay(attempt);
                    listener.retrying(step.revision(), attempt, settings.lockRetries() + 1, delay, e.holders());
                    pause(delay);
                    // The first revision's rollback took the version and history tables created with it.
                    connection.setAutoCommit(false);
                    ensureTables(connection, true);
                }
            }
            attempt = 1;
            done.add(step);
        }
        return done;
    }

    private static void pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException("Interrupted while waiting to retry a revision that timed out on a lock; the "
                    + "database remains at the revision before it.", e);
        }
    }

    /** The revision and its version-table update in one transaction, which the migration may not end. */
    private void runInTransaction(Connection connection, Step step) throws SQLException {
        connection.setAutoCommit(false);
        TransactionGuard guard = new TransactionGuard(connection, step.revision());
        JdbcExecutor executor = new JdbcExecutor(connection, platform, listener, guard);
        MigrationFailedException.Aftermath aftermath = MigrationFailedException.Aftermath.ROLLED_BACK;
        long started = System.nanoTime();
        try {
            guard.mark();
            if (settings.lockTimeout() != null) {
                executor.run(SqlStatement.of(platform.setLockTimeout(settings.lockTimeout(), true)));
            }
            invoke(step, new Operations(executor));
            if (!guard.intact()) {
                aftermath = MigrationFailedException.Aftermath.ENDED_BY_MIGRATION;
                throw new TransactionGuard.TransactionEndedException("a COMMIT or ROLLBACK sent through "
                        + "op.connection()");
            }
            for (String sql : versionTable.updateSql(step.from(), step.to())) {
                executor.run(SqlStatement.of(sql));
            }
            executor.run(SqlStatement.of(history.insertSql(step, (System.nanoTime() - started) / 1_000_000)));
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(connection);
            throw failure(connection, step, executor, e, aftermath);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * A revision declared {@code transactional = false}: each statement commits as it completes (autocommit);
     * the version table is updated in a transaction of its own once all have run.
     */
    private void runWithoutTransaction(Connection connection, Step step) throws SQLException {
        connection.setAutoCommit(true);
        JdbcExecutor executor = new JdbcExecutor(connection, platform, listener, null);
        long started = System.nanoTime();
        String previousTimeout = null;
        Progress progress = platform.transactionalDdl() ? null : new Progress(connection, step);
        try {
            if (settings.lockTimeout() != null) {
                previousTimeout = platform.lockTimeoutSetting(connection);
                executor.run(SqlStatement.of(platform.setLockTimeout(settings.lockTimeout(), false)));
            }
            if (progress != null) {
                progress.start();
                executor.watch(progress);
            }
            invoke(step, new Operations(executor));
            if (!connection.getAutoCommit()) {
                throw new RetortException("Revision " + step.revision().label() + " in " + step.revision().source()
                        + " left a transaction of its own open (connection.setAutoCommit(false) without a commit); "
                        + "it was rolled back. A non-transactional revision commits what it does itself.");
            }
            connection.setAutoCommit(false);
            for (String sql : versionTable.updateSql(step.from(), step.to())) {
                executor.run(SqlStatement.of(sql));
            }
            executor.run(SqlStatement.of(history.insertSql(step, (System.nanoTime() - started) / 1_000_000)));
            if (progress != null) {
                executor.run(SqlStatement.of(progressTable.finishSql(step.revision().id())));
            }
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(connection);
            if (progress == null) {
                throw failure(connection, step, executor, e, MigrationFailedException.Aftermath.NOT_TRANSACTIONAL);
            }
            String recorded = progress.fail(e);
            throw failure(connection, step, executor, e, MigrationFailedException.Aftermath.RECORDED_HALF_WAY,
                    recorded);
        } finally {
            connection.setAutoCommit(true);
            if (previousTimeout != null) {
                try {
                    platform.restoreLockTimeout(connection, previousTimeout);
                } catch (SQLException ignored) {
                    // a broken connection takes the setting with it
                }
            }
        }
    }

    /**
     * Creates the version table (with {@code version}) and the history table where missing, in the transaction
     * the caller has open, which is rolled back when either turns out to be someone else's table.
     */
    private void ensureTables(Connection connection, boolean version) throws SQLException {
        try {
            if (version) {
                versionTable.ensure(connection);
            }
            history.ensure(connection, versionTable);
            if (!platform.transactionalDdl()) {
                progressTable.ensure(connection);
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    private MigrationFailedException failure(Connection connection, Step step, JdbcExecutor executor, Throwable e,
                                             MigrationFailedException.Aftermath aftermath) {
        return failure(connection, step, executor, e, aftermath, null);
    }

    /** @param recorded what the progress record says (replacing the hint), or {@code null} */
    private MigrationFailedException failure(Connection connection, Step step, JdbcExecutor executor, Throwable e,
                                             MigrationFailedException.Aftermath aftermath, String recorded) {
        Throwable cause = e instanceof JdbcExecutor.StatementFailedException ? e.getCause() : e;
        Operation operation = executor.currentOperation();
        List<String> holders = List.of();
        String hint;
        boolean lockTimeout = cause instanceof SQLException sql && platform.isLockTimeout(sql);
        if (lockTimeout) {
            holders = platform.lockHolders(connection, LockHolders.table(operation, executor.currentSql(), dialect));
            hint = FailureHints.lockTimeout(holders, attempt, settings, platform);
        } else {
            hint = FailureHints.hint(connection, cause, operation, aftermath, platform);
        }
        if (recorded != null) {
            hint = (hint == null ? "" : hint + "\n") + recorded;
        }
        return new MigrationFailedException(step.revision(), step.upgrade(), operation == null ? null : operation.describe(),
                executor.currentSql(), cause, step.from(), aftermath, executor.committed(), hint, holders, lockTimeout);
    }

    /**
     * The progress record of one revision where DDL is not transactional: a row written before its first statement,
     * updated (and committed) as each statement starts, with the statements that undo the operations done so far,
     * and deleted with the version-table update that ends the revision.
     */
    private final class Progress implements JdbcExecutor.Watcher {
        private final Connection connection;
        private final Step step;
        private final java.util.Deque<String> undo = new java.util.ArrayDeque<>();
        private int ran;
        private int started;

        Progress(Connection connection, Step step) {
            this.connection = connection;
            this.step = step;
        }

        void start() throws SQLException {
            send(progressTable.startSql(step.revision().id(), step.upgrade() ? "upgrade" : "downgrade"));
        }

        @Override
        public void starting(String sql) throws SQLException {
            ran = started;
            started++;
            send(progressTable.runningSql(step.revision().id(), ran, sql, undoText()));
        }

        @Override
        public void done(Operation operation) {
            ran = started;
            List<String> reverse = new ArrayList<>();
            try {
                Operation back = operation.reverse();
                for (SqlStatement statement : dialect.statements(back)) {
                    reverse.add(statement.sql() + ";");
                }
            } catch (RuntimeException e) {
                reverse.add(dialect.comment("no statement undoes '" + operation.describe() + "' from what the "
                        + "revision carries: undo it by hand"));
            }
            java.util.Collections.reverse(reverse);
            reverse.forEach(undo::push);
        }

        private String undoText() {
            return String.join("\n", undo);
        }

        /**
         * Records the failure; returns what the record now says, or {@code null} when nothing of the revision ran
         * (its row is then deleted: the database is still at the revision before).
         */
        String fail(Throwable e) {
            try {
                connection.setAutoCommit(true);
                if (ran == 0) {
                    send(progressTable.finishSql(step.revision().id()));
                    return null;
                }
                Throwable cause = e instanceof JdbcExecutor.StatementFailedException ? e.getCause() : e;
                send(progressTable.failedSql(step.revision().id(), ran, InertText.line(String.valueOf(
                        cause.getMessage())), undoText()));
                ProgressTable.Record record = progressTable.read(connection);
                return record == null ? null : record.describe(progressTable.name(), versionTable.name());
            } catch (SQLException failure) {
                return "The progress record in " + progressTable.name() + " could not be updated ("
                        + InertText.line(String.valueOf(failure.getMessage())) + "): it says statement " + started
                        + " of the revision was running.";
            }
        }

        private void send(String sql) throws SQLException {
            try (java.sql.Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private static void invoke(Step step, Operations op) {
        Migration migration = step.revision().newInstance();
        if (step.upgrade()) {
            migration.upgrade(op);
        } else {
            migration.downgrade(op);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls the transaction back when it goes
        }
    }

    /** Runs {@code work} in autocommit mode while holding the advisory lock for this version table. */
    private <T> T locked(Connection connection, SqlWork<T> work) {
        return sql(() -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            long key = lockKey(versionTable.currentSchema(connection) + "." + versionTable.name());
            if (!platform.tryMigrationLock(connection, key)) {
                listener.waitingForLock(versionTable.name());
                platform.migrationLock(connection, key);
            }
            try {
                return work.run();
            } finally {
                try {
                    connection.setAutoCommit(true);
                    platform.releaseMigrationLock(connection, key);
                } catch (SQLException ignored) {
                    // a broken connection releases the lock when the session ends
                }
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** A stable 64-bit key (FNV-1a) for the lock: one per schema and version table, so runs on both serialize. */
    static long lockKey(String qualifiedTable) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("retort:" + qualifiedTable).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
