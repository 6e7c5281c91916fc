package dev.retort.migration;

/**
 * One revision of the schema. Implementations are annotated with {@link Revision} and describe their
 * changes through the {@link Operations} they are handed, so the same class runs against a live database
 * or writes an offline SQL script.
 */
public interface Migration {

    /** Moves the schema from the parent revision(s) to this one. */
    void upgrade(Operations op);

    /** Moves the schema back to the parent revision(s). By default a migration cannot be downgraded. */
    default void downgrade(Operations op) {
        throw new IrreversibleMigrationException(getClass().getName() + " has no downgrade()");
    }
}
