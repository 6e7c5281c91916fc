package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.autogenerate.postgres.PostgresComparisonDialect;
import dev.retort.op.AddEnumValue;
import dev.retort.op.DropConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Values added to an enum type")
class EnumTypeComparatorTest {

    @Test
    @DisplayName("come before every other operation, since they commit before the migration's transaction")
    void comeFirst() {
        Table before = Table.of("ticket", Column.of("id", "bigint").notNull(), PrimaryKey.unnamed("id"),
                CheckConstraint.of("ck_ticket_id", "id > 0"));
        Table after = Table.of("ticket", Column.of("id", "bigint").notNull(), PrimaryKey.unnamed("id"));
        Diff diff = new SchemaComparator(new PostgresComparisonDialect()).compare(
                new Schema("public", List.of(after), List.of(), List.of(EnumType.of("mood", "sad", "meh", "happy"))),
                new Schema("public", List.of(before), List.of(), List.of(EnumType.of("mood", "sad", "happy"))));
        assertEquals(2, diff.operations().size(), diff.operations()::toString);
        assertEquals(new AddEnumValue("mood", "meh", null, "sad"), diff.operations().get(0));
        assertEquals(DropConstraint.class, diff.operations().get(1).getClass());
    }
}
