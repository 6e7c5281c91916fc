package dev.retort.runtime;

import dev.retort.RetortException;
import java.sql.SQLException;

/** A database error outside any migration (reading the version table, taking the lock). */
public class DatabaseException extends RetortException {

    public DatabaseException(SQLException cause) {
        this("Database error", cause);
    }

    /** @param doing what failed, completing "...: ERROR: permission denied ...", e.g. "Cannot read the catalog" */
    public DatabaseException(String doing, SQLException cause) {
        super(doing + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage().strip())
                + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"), cause);
    }
}
