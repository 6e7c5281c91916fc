package dev.retort.junit.sample.nodown.m;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;

/** No downgrade: irreversible by omission. */
@Revision(id = "n1", message = "notes")
public final class N1 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("notes", Column.of("id", "bigint").identityByDefault(), PrimaryKey.unnamed("id"));
    }
}
