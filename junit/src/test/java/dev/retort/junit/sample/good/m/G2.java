package dev.retort.junit.sample.good.m;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.schema.Column;

@Revision(id = "g2", parent = "g1", message = "note priority")
public final class G2 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("notes", Column.of("priority", "integer"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("notes", "priority");
    }
}
