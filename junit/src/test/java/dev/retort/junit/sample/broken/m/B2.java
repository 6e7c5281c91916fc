package dev.retort.junit.sample.broken.m;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.schema.Column;

/** Its downgrade forgets the column its upgrade added. */
@Revision(id = "b2", parent = "b1", message = "note priority")
public final class B2 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("notes", Column.of("priority", "integer"));
    }

    @Override
    public void downgrade(Operations op) {
    }
}
