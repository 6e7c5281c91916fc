package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.autogenerate.postgres.PostgresComparisonDialect;
import dev.retort.op.AlterColumn;
import dev.retort.schema.Column;
import dev.retort.schema.Default;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A column whose type changes")
class ColumnComparatorTest {

    private final SchemaComparator comparator = new SchemaComparator(new PostgresComparisonDialect());

    private AlterColumn alteration(Column desired, Column actual) {
        Diff diff = comparator.compare(schema(desired), schema(actual));
        assertEquals(1, diff.operations().size(), diff.operations()::toString);
        return (AlterColumn) diff.operations().get(0);
    }

    private static Schema schema(Column column) {
        Table table = Table.of("customer", Column.of("id", "bigint").notNull(), column, PrimaryKey.unnamed("id"));
        return new Schema("public", List.of(table), List.of(), List.of());
    }

    @Test
    @DisplayName("sets its unchanged default again, which PostgreSQL would keep spelled for the old type")
    void setsItsDefaultAgain() {
        AlterColumn op = alteration(Column.of("notes", "text").withDefault("'n/a'"),
                Column.of("notes", "character varying(200)").withDefault("'n/a'::character varying"));
        assertNotNull(op.type());
        assertEquals(Default.of("'n/a'::character varying"), op.defaultValue().from());
        assertEquals(Default.of("'n/a'"), op.defaultValue().to());
        assertEquals(Default.of("'n/a'::character varying"), op.reverse() instanceof AlterColumn back
                ? back.defaultValue().to() : null, "the downgrade sets the old spelling back");
    }

    @Test
    @DisplayName("leaves the default alone when it has none, and so does a column whose type stays")
    void leavesAbsentDefaultsAlone() {
        assertNull(alteration(Column.of("notes", "text"), Column.of("notes", "character varying(200)")).defaultValue());
        Diff same = comparator.compare(schema(Column.of("notes", "text").withDefault("'n/a'")),
                schema(Column.of("notes", "text").withDefault("'n/a'::text")));
        assertEquals(List.of(), same.operations());
    }
}
