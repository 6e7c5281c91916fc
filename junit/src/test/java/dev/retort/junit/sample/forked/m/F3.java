package dev.retort.junit.sample.forked.m;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.schema.Column;

@Revision(id = "f3", parent = "f1", message = "note priority")
public final class F3 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("notes", Column.of("rank", "integer"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("notes", "rank");
    }
}
