package dev.retort.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Diff;
import dev.retort.diff.Warning;
import dev.retort.migration.Migration;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterSequence;
import dev.retort.op.Change;
import dev.retort.op.CreateEnumType;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnumType;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.Operation;
import dev.retort.op.SetTableComment;
import dev.retort.runtime.RecordingExecutor;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Deferrability;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The migration writer")
class MigrationWriterTest {

    static final Instant CREATED = Instant.parse("2026-11-24T10:15:00Z");

    /** Text that tries everything: quotes, backslashes, comment ends, unicode escapes, newlines, non-ASCII. */
    static final String NASTY = "it's \"quoted\" \\ back */ end \\u0022 line\nnext é ☃ \t tab";

    static final Table REMINDERS = Table.of("reminders",
            Column.of("id", "bigint").identityByDefault(),
            Column.of("user", "bigint").notNull(),
            Column.of("DueAt", "timestamp(6) with time zone").withComment(NASTY),
            Column.of("say \"hi\"", "varchar(20)").notNull().withDefault("'it''s'::character varying"),
            Column.of("seq", "bigint").withIdentity(Identity.generatedAlways().withOptions(
                    SequenceOptions.DEFAULTS.withStart(10).withIncrement(5).withMaxValue(Long.MAX_VALUE))),
            PrimaryKey.unnamed("id"),
            UniqueConstraint.of("uq_reminders_user_due", "user", "DueAt").deferrable(Deferrability.DEFERRABLE_INITIALLY_DEFERRED),
            CheckConstraint.unnamed("\"DueAt\" > '2020-01-01'"),
            ForeignKey.of("fk_reminders_user", "user", "user", "id").onDelete(ReferentialAction.CASCADE),
            ForeignKey.of(null, List.of("user", "seq"), "pairs", List.of("a", "b")).onUpdate(ReferentialAction.SET_NULL),
            Index.of("ix_reminders_due", "DueAt"),
            Index.of("ix_reminders_expr", IndexElement.expression("lower(\"say \"\"hi\"\"\")").opclass("text_pattern_ops"),
                    IndexElement.column("DueAt").desc().nullsLast()).where("\"DueAt\" IS NOT NULL").using("btree"))
            .withComment(NASTY);

    static List<Operation> everyOperation() {
        Column title = Column.of("title", "varchar(50)").notNull();
        return List.of(
                new CreateEnumType(EnumType.of("mood", "low", "it's ok", "high")),
                new AddEnumValue("mood", "great", null, "high"),
                new CreateSequence(Sequence.of("orders_seq").startWith(1).incrementBy(50)),
                new AlterSequence(Sequence.of("old_seq").incrementBy(1), Sequence.of("old_seq").incrementBy(50).cache(20)),
                new CreateTable(REMINDERS),
                new AddColumn("entries", Column.of("mood", "mood").withDefault("'low'::mood")),
                AlterColumn.between("entries", title, title.withType("varchar(200)").nullable().withDefault("'x'")
                        .withComment(NASTY)),
                AlterColumn.between("entries", Column.of("n", "integer"), Column.of("n", "integer").identityByDefault()),
                new DropColumn("entries", "legacy", Column.of("legacy", "text")),
                new CreateIndex("entries", Index.of("ix_entries_title", "title").unique(), false),
                new DropIndex("entries", "ix_old", Index.of("ix_old", "title"), false),
                new AddConstraint("entries", CheckConstraint.of("ck_entries_title", "length(title) > 0")),
                new DropConstraint("entries", "uq_old", UniqueConstraint.of("uq_old", "title")),
                new SetTableComment("entries", Change.of(null, NASTY)),
                new DropTable("gone", Table.of("gone", Column.of("id", "integer").notNull(), PrimaryKey.of("gone_pkey", "id"))),
                new DropSequence("gone_seq", Sequence.of("gone_seq")),
                new DropEnumType("gone_type", EnumType.of("gone_type", "a")));
    }

    static Diff diff(List<Operation> ops) {
        return new Diff(ops, List.of(new Warning(Warning.Kind.DATA_LOSS, "entries", "legacy", "Dropping */ " + NASTY)), 0);
    }

    @Test
    @DisplayName("writes a class that compiles and whose upgrade issues exactly the operations given")
    void compilesAndRebuildsTheOperations(@TempDir Path dir) throws IOException {
        List<Operation> ops = everyOperation();
        MigrationSource source = new MigrationWriter().write(diff(ops), "app.migrations", "3f2a9c1b7d4e",
                List.of("9b1c20d4aa07"), "add reminders \"*/ é", CREATED);
        MigrationSource parent = new MigrationWriter().write(diff(List.of()), "app.migrations", "9b1c20d4aa07",
                List.of(), "first", CREATED);
        Files.writeString(dir.resolve(parent.fileName()), parent.render());
        LoadedRevision script = compile(dir, source);
        assertEquals("3f2a9c1b7d4e", script.id());
        assertEquals(List.of("9b1c20d4aa07"), script.parents());
        assertEquals("add reminders \"*/ é", script.message());
        assertEquals("2026-11-24T10:15:00Z", script.created());
        Migration migration = script.newInstance();
        assertEquals(ops.stream().map(MigrationWriterTest::byName).toList(), RecordingExecutor.record(migration, true));
    }

    /** A drop as generated code issues it: by name, its definition being restated only by the create that undoes it. */
    static Operation byName(Operation op) {
        if (op instanceof DropTable d) {
            return new DropTable(d.name(), null);
        } else if (op instanceof DropColumn d) {
            return new DropColumn(d.table(), d.column(), null);
        } else if (op instanceof DropIndex d) {
            return new DropIndex(d.table(), d.name(), null, d.concurrently());
        } else if (op instanceof DropConstraint d) {
            return new DropConstraint(d.table(), d.name(), null);
        } else if (op instanceof DropSequence d) {
            return new DropSequence(d.name(), null);
        } else if (op instanceof DropEnumType d) {
            return new DropEnumType(d.name(), null);
        }
        return op;
    }

    @Test
    @DisplayName("writes a downgrade holding the reverses in reverse order")
    void downgradeIsTheReverse(@TempDir Path dir) throws IOException {
        List<Operation> ops = everyOperation().stream().filter(Operation::isReversible).toList();
        MigrationSource source = new MigrationWriter().write(diff(ops), "app.migrations", "aa11", List.of(), "m", CREATED);
        List<Operation> expected = new java.util.ArrayList<>(ops.stream().map(Operation::reverse)
                .map(MigrationWriterTest::byName).toList());
        java.util.Collections.reverse(expected);
        assertEquals(expected, RecordingExecutor.record(compile(dir, source).newInstance(), false));
    }

    @Test
    @DisplayName("leaves out of the downgrade a validation, and the index a constraint was made from, in a schema too")
    void onlineDowngrade(@TempDir Path dir) throws IOException {
        dev.retort.schema.UniqueConstraint key = dev.retort.schema.UniqueConstraint.of("uq_log_ref", "ref");
        List<Operation> ops = List.of(
                new dev.retort.op.InSchema("audit", new CreateIndex("log", dev.retort.schema.Index.of("uq_log_ref", "ref")
                        .unique(), true)),
                new dev.retort.op.InSchema("audit", new AddConstraint("log", key, false, "uq_log_ref")),
                new dev.retort.op.InSchema("audit", new dev.retort.op.ValidateConstraint("log", "fk_log_user")));
        MigrationSource source = new MigrationWriter().write(diff(ops), "app.migrations", "dd44", List.of(), "m",
                CREATED, false, List.of(), List.of());
        assertTrue(source.render().contains("transactional = false"), source.render());
        assertEquals(List.of(new dev.retort.op.InSchema("audit", new DropConstraint("log", "uq_log_ref", null))),
                RecordingExecutor.record(compile(dir, source).newInstance(), false));
    }

    @Test
    @DisplayName("stops the downgrade with a throw and a reason at an operation that cannot be reversed")
    void irreversibleStepThrows(@TempDir Path dir) throws IOException {
        MigrationSource source = new MigrationWriter().write(diff(everyOperation()), null, "bb22", List.of(), "m", CREATED);
        String text = source.render();
        assertTrue(text.contains("// Cannot reverse 'add value 'great' to enum type mood'"), text);
        assertTrue(text.contains("throw new IrreversibleMigrationException("), text);
        Migration migration = compile(dir, source).newInstance();
        var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> RecordingExecutor.record(migration, false));
        assertTrue(e.getMessage().contains("enum"), e.getMessage());
    }

    @Test
    @DisplayName("is deterministic: the same input gives byte-identical source")
    void deterministic() {
        String a = new MigrationWriter().write(diff(everyOperation()), "p", "cc33", List.of("aa11"), "m", CREATED).render();
        String b = new MigrationWriter().write(diff(everyOperation()), "p", "cc33", List.of("aa11"), "m", CREATED).render();
        assertEquals(a, b);
        assertTrue(a.chars().allMatch(c -> c < 128), "generated source is ASCII, non-ASCII escaped");
    }

    @Test
    @DisplayName("splits a long body into private methods, so a baseline of hundreds of tables still compiles")
    void splitsLongBodies(@TempDir Path dir) throws IOException {
        List<Operation> ops = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<dev.retort.schema.TableElement> elements = new java.util.ArrayList<>();
            for (int c = 0; c < 12; c++) {
                elements.add(Column.of("column_number_" + c, "varchar(255)").notNull().withDefault("'x'").withComment("c" + c));
            }
            elements.add(PrimaryKey.unnamed("column_number_0"));
            elements.add(Index.of("ix_t" + i, "column_number_1", "column_number_2"));
            ops.add(new CreateTable(Table.of("table_number_" + i, elements)));
        }
        MigrationSource source = new MigrationWriter().write(diff(ops), "app.migrations", "dd44", List.of(), "big", CREATED);
        String text = source.render();
        assertTrue(text.contains("        upgrade1(op);\n") && text.contains("    private static void upgrade8(Operations op) {"), 
                () -> text.substring(0, 2000));
        Migration migration = compile(dir, source).newInstance();
        assertEquals(ops, RecordingExecutor.record(migration, true));
        assertEquals(200, RecordingExecutor.record(migration, false).size());
    }

    static LoadedRevision compile(Path dir, MigrationSource source) throws IOException {
        Path file = dir.resolve(source.fileName());
        Files.writeString(file, source.render());
        RevisionGraph graph = RevisionGraph.fromSources(dir, MigrationWriterTest.class.getClassLoader());
        return graph.get(source.revisionId());
    }
}
