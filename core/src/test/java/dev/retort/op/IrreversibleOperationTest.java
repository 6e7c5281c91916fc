package dev.retort.op;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.Index;
import dev.retort.schema.Sequence;
import dev.retort.schema.UniqueConstraint;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Operations that do not carry what it takes to undo them")
class IrreversibleOperationTest {

    static Stream<Arguments> irreversible() {
        return Stream.of(
                Arguments.of(new DropTable("reminders", null), "drop table reminders"),
                Arguments.of(new DropColumn("reminders", "due_at", null), "drop column reminders.due_at"),
                Arguments.of(new DropIndex("reminders", "ix_reminders_due_at", null, false),
                        "drop index ix_reminders_due_at on reminders"),
                Arguments.of(new DropIndex(null, "ix_reminders_due_at", Index.of("ix_reminders_due_at", "due_at"), false),
                        "drop index ix_reminders_due_at"),
                Arguments.of(new DropConstraint("reminders", "uq_reminders_title", null),
                        "drop constraint uq_reminders_title on reminders"),
                Arguments.of(new DropSequence("invoice_no", null), "drop sequence invoice_no"),
                Arguments.of(new DropEnumType("mood", null), "drop enum type mood"),
                Arguments.of(new AddEnumValue("mood", "meh", null, null), "add value 'meh' to enum type mood"),
                Arguments.of(new ExecuteSql("UPDATE reminders SET done = true", null),
                        "execute UPDATE reminders SET done = true"),
                Arguments.of(new AlterColumn.Builder("reminders", "id")
                                .type(Change.to(ColumnType.of("bigint"))).build(),
                        "alter column reminders.id (type bigint)"),
                Arguments.of(new AlterColumn.Builder("reminders", "title")
                                .defaultValue(Change.<Default>to(null)).build(),
                        "alter column reminders.title (drop default)"),
                Arguments.of(new AlterSequence(null, Sequence.of("invoice_no").incrementBy(5)),
                        "alter sequence invoice_no"),
                Arguments.of(new SetTableComment("reminders", Change.to("Things to remember")),
                        "set comment on table reminders"),
                Arguments.of(new AddConstraint("reminders", UniqueConstraint.of(null, "title")),
                        "add unique constraint on reminders"),
                Arguments.of(new CreateIndex("reminders", Index.of(null, "title"), false),
                        "create index on reminders [title]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("irreversible")
    @DisplayName("refuse to reverse with a message naming the operation")
    void refuseToReverse(Operation operation, String description) {
        IrreversibleOperationException e = assertThrows(IrreversibleOperationException.class, operation::reverse);
        assertTrue(e.getMessage().startsWith("Cannot reverse '" + description + "': "), e.getMessage());
        assertSame(operation, e.operation());
        assertFalse(operation.isReversible());
    }

    @Nested
    @ExtendWith(FreshDatabase.class)
    @DisplayName("AddEnumValue, although irreversible,")
    class AddEnumValueForward {

        @Test
        @DisplayName("places values before, after and at the end, quoted where needed")
        void placesValuesInOrder(TestDatabase db) {
            db.execute("CREATE TYPE \"Mood\" AS ENUM ('sad', 'happy')");

            LiveDdl.apply(db,
                    new AddEnumValue("Mood", "it's ok", "happy", null),
                    new AddEnumValue("Mood", "ecstatic", null, "happy"),
                    new AddEnumValue("Mood", "say \"meh\"", null, null),
                    new AddEnumValue("Mood", "awful", "sad", null));

            assertTrue(db.snapshot().lines().contains(
                            "enum Mood 'awful', 'sad', 'it''s ok', 'happy', 'ecstatic', 'say \"meh\"'"),
                    () -> db.snapshot().toString());
        }

        @Test
        @DisplayName("adds the value in the revision's transaction, undone with it; usable once committed; may run again")
        void runsInTheTransaction(TestDatabase db) {
            db.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')", "CREATE TABLE notes (id bigint)");

            assertThrows(IllegalStateException.class, () -> LiveDdl.apply(db,
                    new AddEnumValue("mood", "meh", null, "sad"), new ExecuteSql("SELECT 1 / 0", null)));
            assertTrue(db.snapshot().lines().contains("enum mood 'sad', 'happy'"), "undone with the failed transaction");

            IllegalStateException unsafe = assertThrows(IllegalStateException.class, () -> LiveDdl.apply(db,
                    new AddEnumValue("mood", "meh", null, "sad"),
                    new AddColumn("notes", dev.retort.schema.Column.of("mood", "mood").withDefault("'meh'"))));
            assertTrue(unsafe.getMessage().contains("unsafe use of new value"), unsafe.getMessage());

            LiveDdl.apply(db, new AddEnumValue("mood", "meh", null, "sad"));
            LiveDdl.apply(db, new AddEnumValue("mood", "meh", null, "sad"));
            LiveDdl.apply(db, new AddColumn("notes", dev.retort.schema.Column.of("mood", "mood").withDefault("'meh'")));
            assertTrue(db.snapshot().lines().contains("enum mood 'sad', 'meh', 'happy'"), () -> db.snapshot().toString());
            assertTrue(db.snapshot().lines().contains("column notes.mood mood null default 'meh'::mood"),
                    () -> db.snapshot().toString());
        }
    }
}
