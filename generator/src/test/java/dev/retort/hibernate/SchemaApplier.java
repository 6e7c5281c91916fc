package dev.retort.hibernate;

import dev.retort.ddl.SqlStatement;
import dev.retort.op.AddConstraint;
import dev.retort.op.CreateEnumType;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.Operation;
import dev.retort.platform.postgres.PostgresDialect;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** Creates a {@link Schema} in an empty database through Retort's own operations and PostgreSQL DDL. */
final class SchemaApplier {

    private SchemaApplier() {
    }

    static List<String> apply(TestDatabase db, Schema schema) {
        List<Operation> ops = new ArrayList<>();
        for (EnumType type : schema.enumTypes()) {
            ops.add(new CreateEnumType(type));
        }
        for (Sequence sequence : schema.sequences()) {
            ops.add(new CreateSequence(sequence));
        }
        for (Table table : schema.tables()) {
            ops.add(new CreateTable(table.withForeignKeys(List.of())));
        }
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                ops.add(new AddConstraint(table.name(), fk));
            }
        }
        PostgresDialect dialect = new PostgresDialect();
        List<String> sql = new ArrayList<>();
        for (Operation op : ops) {
            for (SqlStatement statement : dialect.statements(op)) {
                sql.add(statement.sql());
            }
        }
        db.execute(sql.toArray(String[]::new));
        return sql;
    }
}
