package dev.retort.migration.internal;

import dev.retort.RetortException;
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
        throw new RetortException("This migration asks for the live database connection (op.connection()), which "
                + "is not there when Retort only writes or lists its SQL (retort sql, --sql, retort show). Steps "
                + "that must also work offline use op.execute(sql).");
    }
}
