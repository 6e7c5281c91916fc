package dev.retort.runtime;

import dev.retort.RetortException;

/**
 * The database's recorded state does not fit the migrations: an unknown revision in the version table,
 * a version table that belongs to something else, a target below base, an unapplied downgrade target.
 */
public class DatabaseStateException extends RetortException {

    public DatabaseStateException(String message) {
        super(message);
    }
}
