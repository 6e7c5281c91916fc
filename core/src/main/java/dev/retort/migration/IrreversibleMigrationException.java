package dev.retort.migration;

import dev.retort.RetortException;

/** Thrown by a migration that cannot be undone, e.g. one without a {@code downgrade}. */
public class IrreversibleMigrationException extends RetortException {

    public IrreversibleMigrationException(String message) {
        super(message);
    }
}
