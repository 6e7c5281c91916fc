package dev.retort.migration;

import dev.retort.op.Operation;
import java.sql.Connection;

/** Receives the operations a migration issues: a live JDBC session, an offline script, or a recorder. */
public interface OperationExecutor {

    void execute(Operation operation);

    /**
     * The live connection, for data migrations that need to read before they write. Offline and recording
     * executors have none.
     */
    default Connection connection() {
        throw new IllegalStateException("This migration runs without a database connection (offline --sql mode); "
                + "use op.execute(sql) instead of op.connection()");
    }
}
