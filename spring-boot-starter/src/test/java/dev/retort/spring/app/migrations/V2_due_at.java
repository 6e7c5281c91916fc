package dev.retort.spring.app.migrations;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.schema.Column;

@Revision(id = "b2", parent = "a1", message = "due at")
public final class V2_due_at implements Migration {

    /** The test sets this to make the revision fail half way, after its first statement. */
    public static volatile boolean fail;

    @Override
    public void upgrade(Operations op) {
        op.addColumn("reminders", Column.of("due_at", "timestamp(6) with time zone"));
        if (fail) {
            op.execute("SELECT 1 / 0");
        }
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("reminders", "due_at");
    }
}
