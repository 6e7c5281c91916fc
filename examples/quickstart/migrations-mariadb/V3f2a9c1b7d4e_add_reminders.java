package com.example.migrations.mariadb;

import dev.retort.migration.*;
import dev.retort.schema.*;

/** add reminders */
@Revision(id = "3f2a9c1b7d4e", parent = "9b1c20d4aa07", message = "add reminders", created = "2026-11-24T10:15:00Z")
public final class V3f2a9c1b7d4e_add_reminders implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("notes", Column.of("due_at", "datetime(6)"));
        op.addColumn("notes", Column.of("done", "bit").notNull().withDefault("false"));
        op.createIndex("notes", "ix_notes_due_at", "due_at");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("notes", "ix_notes_due_at");
        op.dropColumn("notes", "done");
        op.dropColumn("notes", "due_at");
    }
}
