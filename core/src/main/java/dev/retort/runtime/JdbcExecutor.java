package dev.retort.runtime;

import dev.retort.ddl.Dialect;
import dev.retort.ddl.Statement;
import dev.retort.migration.OperationExecutor;
import dev.retort.op.Operation;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs operations on a live connection inside the current transaction. A statement PostgreSQL refuses in a
 * transaction ({@code CREATE INDEX CONCURRENTLY}) commits what came before, runs on its own, and a new
 * transaction begins after it.
 */
final class JdbcExecutor implements OperationExecutor {

    private final Connection connection;
    private final Dialect dialect;
    private final RunListener listener;
    private String currentOperation;
    private String currentSql;
    private boolean ranOutsideTransaction;

    JdbcExecutor(Connection connection, Dialect dialect, RunListener listener) {
        this.connection = connection;
        this.dialect = dialect;
        this.listener = listener;
    }

    @Override
    public void execute(Operation operation) {
        currentOperation = operation.describe();
        for (Statement statement : dialect.statements(operation)) {
            run(statement);
        }
        currentOperation = null;
    }

    void run(Statement statement) {
        currentSql = statement.sql();
        listener.statement(statement.sql());
        try (java.sql.Statement st = connection.createStatement()) {
            if (statement.transactional()) {
                st.execute(statement.sql());
            } else {
                connection.commit();
                connection.setAutoCommit(true);
                ranOutsideTransaction = true;
                try {
                    st.execute(statement.sql());
                } finally {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new StatementFailedException(e);
        }
        currentSql = null;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    String currentOperation() {
        return currentOperation;
    }

    String currentSql() {
        return currentSql;
    }

    boolean ranOutsideTransaction() {
        return ranOutsideTransaction;
    }

    /** Carries an {@link SQLException} through migration code, which only sees unchecked exceptions. */
    static final class StatementFailedException extends RuntimeException {
        StatementFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
