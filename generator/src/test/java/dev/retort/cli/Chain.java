package dev.retort.cli;

import java.util.List;

/** Five hand-written migrations, each building on the one before: the fixture of the runner tests. */
final class Chain {

    static final String R1 = "1a2b3c4d5e6f";
    static final String R2 = "2b3c4d5e6f7a";
    static final String R3 = "3c4d5e6f7a8b";
    static final String R4 = "4d5e6f7a8b9c";
    static final String R5 = "5e6f7a8b9c0d";
    static final List<String> ALL = List.of(R1, R2, R3, R4, R5);

    private Chain() {
    }

    static void write(Project p) {
        p.migration(R1, List.of(), "create users",
                """
                op.createTable("users",
                        Column.of("id", "bigint").identityByDefault(),
                        Column.of("email", "varchar(255)").notNull(),
                        PrimaryKey.of("users_pkey", "id"),
                        UniqueConstraint.of("uq_users_email", "email"));""",
                "op.dropTable(\"users\");");
        p.migration(R2, List.of(R1), "create entries",
                """
                op.createTable("entries",
                        Column.of("id", "bigint").identityByDefault(),
                        Column.of("user_id", "bigint").notNull(),
                        Column.of("title", "varchar(200)").notNull(),
                        PrimaryKey.of("entries_pkey", "id"),
                        ForeignKey.of("fk_entries_user", "user_id", "users", "id").onDelete(ReferentialAction.CASCADE));""",
                "op.dropTable(\"entries\");");
        p.migration(R3, List.of(R2), "add entry body",
                "op.addColumn(\"entries\", Column.of(\"body\", \"text\"));",
                "op.dropColumn(\"entries\", \"body\");");
        p.migration(R4, List.of(R3), "index entry titles",
                "op.createIndex(\"entries\", \"ix_entries_title\", \"title\");",
                "op.dropIndex(\"entries\", \"ix_entries_title\");");
        p.migration(R5, List.of(R4), "create tags",
                """
                op.createTable("tags",
                        Column.of("id", "bigint").identityByDefault(),
                        Column.of("name", "varchar(64)").notNull().withDefault("'untitled'"),
                        PrimaryKey.of("tags_pkey", "id"));""",
                "op.dropTable(\"tags\");");
    }
}
