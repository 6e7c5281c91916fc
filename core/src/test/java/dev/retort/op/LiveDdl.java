package dev.retort.op;

import dev.retort.ddl.SqlStatement;
import dev.retort.platform.mariadb.MariaDbDialect;
import dev.retort.platform.postgres.PostgresDialect;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies operations to a test database the way the runner does: all in one transaction, except the
 * statements PostgreSQL refuses inside one ({@code transactional() == false}), which run in autocommit. On
 * MariaDB, where every DDL statement commits by itself, each runs in autocommit through MariaDB's dialect.
 */
final class LiveDdl {

    private static final PostgresDialect DIALECT = new PostgresDialect();
    private static final MariaDbDialect MARIADB = new MariaDbDialect();

    private LiveDdl() {
    }

    static void apply(TestDatabase db, Operation... operations) {
        if (db.isMariaDb()) {
            try (Connection connection = db.connect(); java.sql.Statement st = connection.createStatement()) {
                for (Operation operation : operations) {
                    for (SqlStatement statement : MARIADB.statements(operation)) {
                        try {
                            st.execute(statement.sql());
                        } catch (SQLException e) {
                            throw new IllegalStateException("'" + operation.describe() + "' failed on\n    "
                                    + statement.sql() + "\n" + e.getMessage(), e);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return;
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            for (Operation operation : operations) {
                for (SqlStatement statement : DIALECT.statements(operation)) {
                    run(connection, operation, statement);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void run(Connection connection, Operation operation, SqlStatement statement) {
        try (java.sql.Statement st = connection.createStatement()) {
            if (statement.transactional()) {
                st.execute(statement.sql());
            } else {
                connection.commit();
                connection.setAutoCommit(true);
                try {
                    st.execute(statement.sql());
                } finally {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            // The connection closes without a commit, so the transaction rolls back.
            throw new IllegalStateException("'" + operation.describe() + "' failed on\n    " + statement.sql()
                    + "\n" + e.getMessage(), e);
        }
    }
}
