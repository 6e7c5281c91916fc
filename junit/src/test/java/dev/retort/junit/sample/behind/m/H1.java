package dev.retort.junit.sample.behind.m;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;

@Revision(id = "h1", message = "notes")
public final class H1 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("notes", Column.of("id", "bigint").identityByDefault(), Column.of("body", "text").notNull(),
                PrimaryKey.unnamed("id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("notes");
    }
}
