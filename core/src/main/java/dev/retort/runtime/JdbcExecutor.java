package dev.retort.runtime;

import dev.retort.RetortException;
import dev.retort.ddl.Dialect;
import dev.retort.ddl.SqlStatement;
import dev.retort.migration.internal.OperationExecutor;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Operation;
import dev.retort.platform.Platform;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one revision's operations on a live connection. In a transactional revision every statement runs in
 * the revision's transaction, and one that would leave it ({@code CREATE INDEX CONCURRENTLY}, a
 * {@code COMMIT}) is refused before it runs, so a failure still undoes everything. In a non-transactional
 * revision each statement commits as it completes; the executor keeps the list, for the failure message, and
 * rebuilds an index an interrupted {@code CREATE INDEX CONCURRENTLY} left INVALID.
 */
final class JdbcExecutor implements OperationExecutor {

    private final Connection connection;
    private final Platform platform;
    private final Dialect dialect;
    private final RunListener listener;
    private final TransactionGuard guard;
    private final List<String> committed = new ArrayList<>();
    private Operation currentOperation;
    private String currentSql;
    private Watcher watcher;

    /** Hears each statement of an operation before it runs, and each operation once all its statements ran. */
    interface Watcher {
        void starting(String sql) throws SQLException;

        void done(Operation operation) throws SQLException;
    }

    /**
     * @param guard the guard of the revision's transaction, or {@code null} for a non-transactional revision
     *              (the connection then in autocommit mode)
     */
    JdbcExecutor(Connection connection, Platform platform, RunListener listener, TransactionGuard guard) {
        this.connection = connection;
        this.platform = platform;
        this.dialect = platform.dialect();
        this.listener = listener;
        this.guard = guard;
    }

    /** Where DDL is not transactional, the runner's record of the revision's progress. */
    void watch(Watcher value) {
        this.watcher = value;
    }

    @Override
    public void execute(Operation operation) {
        currentOperation = operation;
        for (SqlStatement statement : dialect.statements(operation)) {
            run(statement, operation);
        }
        if (watcher != null) {
            try {
                watcher.done(operation);
            } catch (SQLException e) {
                throw new StatementFailedException(e);
            }
        }
        currentOperation = null;
    }

    /** Runs a statement of the runner's own (a version-table update). */
    void run(SqlStatement statement) {
        run(statement, null);
    }

    private void run(SqlStatement statement, Operation operation) {
        currentSql = statement.sql();
        if (guard != null) {
            refuseTransactionEnd(statement);
        }
        listener.statement(statement.sql());
        try {
            if (watcher != null && operation != null) {
                watcher.starting(statement.sql());
            }
            send(statement.sql());
        } catch (SQLException e) {
            if (statement.guard()) {
                currentSql = null;
                throw new RetortException(serverMessage(e));
            }
            if (guard != null || !rebuildInvalidIndex(operation, e)) {
                throw new StatementFailedException(e);
            }
        }
        if (guard == null) {
            committed.add(statement.sql());
        }
        currentSql = null;
    }

    private void refuseTransactionEnd(SqlStatement statement) {
        if (!statement.transactional()) {
            throw new RetortException("PostgreSQL cannot run this statement inside a transaction block, and the "
                    + "revision runs in one. Declare the revision @Revision(..., transactional = false) and keep it to "
                    + "such statements (each then commits on its own, so it cannot be undone as a whole), or build the "
                    + "index without CONCURRENTLY inside the transaction.");
        }
        String end = dialect.transactionEnd(statement.sql());
        if (end != null) {
            throw new TransactionGuard.TransactionEndedException(end + " in op.execute");
        }
    }

    /** The server's own message of a failure, without the driver's prefix and the context lines after it. */
    private static String serverMessage(SQLException e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        return first.startsWith("ERROR: ") ? first.substring("ERROR: ".length()) : first;
    }

    private void send(String sql) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * After {@code CREATE INDEX CONCURRENTLY} failed because the name is taken: when the index of that name is
     * an INVALID one on the same table (an interrupted build leaves one behind), drops it concurrently, builds
     * it again and returns {@code true}. An INVALID index on another table stops the run with the statement
     * that would clear it.
     */
    private boolean rebuildInvalidIndex(Operation operation, SQLException failure) throws StatementFailedException {
        if (!(operation instanceof CreateIndex create) || !create.concurrently() || create.index().name() == null
                || !platform.isDuplicateObject(failure)) {
            return false;
        }
        String name = create.index().name();
        try {
            String table = platform.invalidIndexTable(connection, name);
            if (table == null) {
                return false;
            }
            List<SqlStatement> drop = dialect.statements(new DropIndex(null, name, null, true));
            if (!table.equals(create.table())) {
                throw new RetortException("The revision creates index " + name + " on " + create.table()
                        + ", but an INVALID index of that name exists on " + table
                        + " (left by an interrupted or failed CREATE INDEX CONCURRENTLY). If it is not needed, drop it "
                        + "and run the upgrade again: " + drop.get(0).sql() + ";");
            }
            listener.notice("Index " + name + " on " + table + " is INVALID (left by an interrupted or failed "
                    + "CREATE INDEX CONCURRENTLY): dropping it and building it again.");
            for (SqlStatement statement : drop) {
                listener.statement(statement.sql());
                send(statement.sql());
            }
            listener.statement(currentSql);
            send(currentSql);
            return true;
        } catch (SQLException e) {
            throw new StatementFailedException(e);
        }
    }

    @Override
    public Connection connection() {
        return guard == null ? connection : guard.guarded();
    }

    /** The operation running when a failure came, or {@code null} (between operations, a version-table update). */
    Operation currentOperation() {
        return currentOperation;
    }

    String currentSql() {
        return currentSql;
    }

    /** The statements a non-transactional revision ran and committed, in order. */
    List<String> committed() {
        return List.copyOf(committed);
    }

    /** Carries an {@link SQLException} through migration code, which only sees unchecked exceptions. */
    static final class StatementFailedException extends RuntimeException {
        StatementFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
