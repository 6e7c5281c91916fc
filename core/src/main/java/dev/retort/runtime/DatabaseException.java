package dev.retort.runtime;

import dev.retort.RetortException;
import java.sql.SQLException;

/** A database error outside any migration (reading the version table, taking the lock). */
public class DatabaseException extends RetortException {

    public DatabaseException(SQLException cause) {
        super("Database error: " + cause.getMessage().strip()
                + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"), cause);
    }
}
