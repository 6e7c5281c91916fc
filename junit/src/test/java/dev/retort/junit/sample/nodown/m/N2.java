package dev.retort.junit.sample.nodown.m;

import dev.retort.migration.IrreversibleMigrationException;
import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;

/** Declared irreversible, with the reason. */
@Revision(id = "n2", parent = "n1", message = "purge old notes")
public final class N2 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("DELETE FROM notes WHERE id < 0");
    }

    @Override
    public void downgrade(Operations op) {
        throw new IrreversibleMigrationException("deleted rows cannot come back");
    }
}
