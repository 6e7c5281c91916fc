package com.example.migrations;

import dev.retort.migration.*;
import dev.retort.schema.*;

/** create users and notes */
@Revision(id = "9b1c20d4aa07", message = "create users and notes", created = "2026-11-24T09:00:00Z")
public final class V9b1c20d4aa07_create_users_and_notes implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("users",
                Column.of("id", "bigint").identityByDefault(),
                Column.of("email", "varchar(255)").notNull(),
                Column.of("created_at", "timestamp(6) with time zone").notNull().withDefault("now()"),
                PrimaryKey.of("users_pkey", "id"),
                UniqueConstraint.of("uq_users_email", "email"));
        op.createTable("notes",
                Column.of("id", "bigint").identityByDefault(),
                Column.of("user_id", "bigint").notNull(),
                Column.of("body", "text").notNull(),
                PrimaryKey.of("notes_pkey", "id"),
                ForeignKey.of("fk_notes_user", "user_id", "users", "id").onDelete(ReferentialAction.CASCADE),
                Index.of("ix_notes_user_id", "user_id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("notes");
        op.dropTable("users");
    }
}
