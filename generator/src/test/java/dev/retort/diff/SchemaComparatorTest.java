package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.autogenerate.postgres.PostgresComparisonDialect;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropTable;
import dev.retort.op.Operation;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The comparator as a pure function: schemas in, ordered operations and warnings out. */
class SchemaComparatorTest {

    private final SchemaComparator comparator = new SchemaComparator(new PostgresComparisonDialect());

    static Schema schema(Table... tables) {
        return new Schema("public", List.of(tables), List.of(), List.of());
    }

    static Table table(String name, dev.retort.schema.TableElement... elements) {
        return Table.of(name, elements);
    }

    static final Column ID = Column.of("id", "bigint").notNull();

    private List<String> described(Diff diff) {
        return diff.operations().stream().map(Operation::describe).toList();
    }

    @Nested
    @DisplayName("orders operations so they apply")
    class Ordering {

        @Test
        @DisplayName("types and sequences first, then tables parents before children, foreign keys inline")
        void createsInDependencyOrder() {
            Table child = table("a_child", ID, Column.of("parent_id", "bigint"), PrimaryKey.unnamed("id"),
                    ForeignKey.of("fk_child_parent", "parent_id", "z_parent", "id"));
            Table parent = table("z_parent", ID, Column.of("mood", "mood"), PrimaryKey.unnamed("id"));
            Schema desired = new Schema("public", List.of(child, parent), List.of(Sequence.of("s").incrementBy(50)),
                    List.of(EnumType.of("mood", "a", "b")));
            Diff diff = comparator.compare(desired, schema());
            assertEquals(List.of("create enum type mood [a, b]", "create sequence s", "create table z_parent",
                    "create table a_child"), described(diff));
            assertEquals(1, ((CreateTable) diff.operations().get(3)).table().foreignKeys().size(), "FK inline");
        }

        @Test
        @DisplayName("breaks a foreign-key cycle between new tables by adding one key after both tables")
        void breaksCycles() {
            Table a = table("a", ID, Column.of("b_id", "bigint"), PrimaryKey.unnamed("id"), ForeignKey.of("fk_a_b", "b_id", "b", "id"));
            Table b = table("b", ID, Column.of("a_id", "bigint"), PrimaryKey.unnamed("id"), ForeignKey.of("fk_b_a", "a_id", "a", "id"));
            Diff diff = comparator.compare(schema(a, b), schema());
            List<Operation> ops = diff.operations();
            assertEquals(3, ops.size(), described(diff)::toString);
            assertTrue(ops.get(0) instanceof CreateTable && ops.get(1) instanceof CreateTable);
            assertTrue(ops.get(2) instanceof AddConstraint add && add.constraint() instanceof ForeignKey, described(diff)::toString);
        }

        @Test
        @DisplayName("drops the foreign keys pointing at a dropped table before the table")
        void dropsForeignKeysBeforeTheirTable() {
            Table keeper = table("keeper", ID, Column.of("gone_id", "bigint"), PrimaryKey.unnamed("id"),
                    ForeignKey.of("fk_keeper_gone", "gone_id", "gone", "id"));
            Table gone = table("gone", ID, PrimaryKey.unnamed("id"));
            Table keeperAfter = table("keeper", ID, Column.of("gone_id", "bigint"), PrimaryKey.unnamed("id"));
            Diff diff = comparator.compare(schema(keeperAfter), schema(gone, keeper));
            assertEquals(List.of("drop foreign key fk_keeper_gone on keeper", "drop table gone"), described(diff));
            assertEquals(Warning.Kind.DATA_LOSS, diff.warnings().get(0).kind());
        }

        @Test
        @DisplayName("a table created under a new name with the old one's index names comes after the old table's drop")
        void dropsTablesBeforeCreatingTables() {
            Table old = table("system_health", ID, PrimaryKey.unnamed("id"), Index.of("ix_health_checked", "id"));
            Table renamed = table("health_checks", ID, PrimaryKey.unnamed("id"), Index.of("ix_health_checked", "id"));
            Diff diff = comparator.compare(schema(renamed), schema(old));
            assertEquals(List.of("drop table system_health", "create table health_checks"), described(diff));
            assertTrue(diff.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.POSSIBLE_RENAME));
        }

        @Test
        @DisplayName("dropped tables referencing each other lose those keys first, then go in any order")
        void dropsRelatedTables() {
            Table a = table("a", ID, Column.of("b_id", "bigint"), PrimaryKey.unnamed("id"), ForeignKey.of("fk_a_b", "b_id", "b", "id"));
            Table b = table("b", ID, PrimaryKey.unnamed("id"));
            Diff diff = comparator.compare(schema(), schema(a, b));
            assertEquals(List.of("drop foreign key fk_a_b on a", "drop table a", "drop table b"), described(diff));
            assertTrue(((DropTable) diff.operations().get(1)).definition().foreignKeys().isEmpty());
        }

        @Test
        @DisplayName("changes: drop constraints and indexes, add, alter and drop columns, then indexes, constraints, foreign keys last")
        void changesInPhases() {
            Table before = table("t", ID, Column.of("old", "text"), Column.of("n", "integer"), PrimaryKey.unnamed("id"),
                    Index.of("ix_old", "old"), CheckConstraint.of("ck_n", "n > 0"));
            Table target = table("u", ID, PrimaryKey.unnamed("id"));
            Table after = table("t", ID, Column.of("n", "bigint"), Column.of("target_id", "bigint"), PrimaryKey.unnamed("id"),
                    Index.of("ix_n", "n"), CheckConstraint.of("ck_n", "n > 1"),
                    ForeignKey.of("fk_t_u", "target_id", "u", "id").onDelete(ReferentialAction.CASCADE));
            Diff diff = comparator.compare(schema(after, target), schema(before, target));
            assertEquals(List.of(
                    "drop check constraint ck_n on t",
                    "drop index ix_old on t",
                    "add column t.target_id",
                    "alter column t.n (type integer -> bigint)",
                    "drop column t.old",
                    "create index ix_n on t [n]",
                    "add check constraint ck_n on t",
                    "add foreign key fk_t_u on t"), described(diff));
        }
    }

    @Nested
    @DisplayName("finds no difference where there is none")
    class NoPhantoms {

        @Test
        @DisplayName("an unnamed primary key, unique constraint and check match what PostgreSQL named them")
        void unnamedConstraintsMatchByContent() {
            Table desired = table("entries", ID, Column.of("status", "varchar(16)").notNull(), Column.of("slug", "varchar(20)"),
                    PrimaryKey.unnamed("id"), UniqueConstraint.unnamed("slug"),
                    CheckConstraint.unnamed("status in ('DRAFT','PUBLISHED')"));
            Table actual = table("entries", Column.of("id", "bigint").notNull(),
                    Column.of("status", "character varying(16)").notNull(), Column.of("slug", "character varying(20)"),
                    PrimaryKey.of("entries_pkey", "id"), UniqueConstraint.of("entries_slug_key", "slug"),
                    CheckConstraint.of("entries_status_check",
                            "((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'PUBLISHED'::character varying])::text[]))"));
            assertTrue(comparator.compare(schema(desired), schema(actual)).isEmpty());
        }

        @Test
        @DisplayName("a unique constraint matches a plain unique index of the same name and columns, and back")
        void uniqueConstraintVersusUniqueIndex() {
            Table constraint = table("t", ID, Column.of("code", "text"), UniqueConstraint.of("uq_t_code", "code"));
            Table index = table("t", ID, Column.of("code", "text"), Index.of("uq_t_code", "code").unique());
            assertTrue(comparator.compare(schema(constraint), schema(index)).isEmpty());
            assertTrue(comparator.compare(schema(index), schema(constraint)).isEmpty());
            Table other = table("t", ID, Column.of("code", "text"), Index.of("uq_t_code", "code").unique().where("code <> ''"));
            assertEquals(2, comparator.compare(schema(constraint), schema(other)).operations().size(),
                    "a partial unique index is not the same thing");
        }

        @Test
        @DisplayName("identity options left unset equal PostgreSQL's explicit defaults; sequence options it does not set are ignored")
        void identityAndSequenceDefaults() {
            Table desired = table("t", Column.of("id", "bigint").identityByDefault());
            Table actual = table("t", Column.of("id", "bigint").withIdentity(dev.retort.schema.Identity.generatedByDefault()
                    .withOptions(new SequenceOptions(1L, 1L, 1L, Long.MAX_VALUE, 1L, false))));
            Sequence wanted = Sequence.of("s").startWith(1).incrementBy(50);
            Sequence existing = Sequence.of("s").as("bigint").withOptions(new SequenceOptions(1L, 50L, 1L, Long.MAX_VALUE, 1L, false));
            Diff diff = comparator.compare(new Schema("public", List.of(desired), List.of(wanted), List.of()),
                    new Schema("public", List.of(actual), List.of(existing), List.of()));
            assertTrue(diff.isEmpty(), described(diff)::toString);
        }
    }

    @Nested
    @DisplayName("detects")
    class Detects {

        @Test
        @DisplayName("a changed ON DELETE as a drop and an add of the foreign key")
        void onDeleteChange() {
            Table parent = table("p", ID, PrimaryKey.unnamed("id"));
            Table before = table("c", ID, Column.of("p_id", "bigint"), ForeignKey.of("fk_c_p", "p_id", "p", "id"));
            Table after = table("c", ID, Column.of("p_id", "bigint"),
                    ForeignKey.of("fk_c_p", "p_id", "p", "id").onDelete(ReferentialAction.CASCADE));
            Diff diff = comparator.compare(schema(after, parent), schema(before, parent));
            assertEquals(List.of("drop foreign key fk_c_p on c", "add foreign key fk_c_p on c"), described(diff));
            assertTrue(diff.operations().get(0) instanceof DropConstraint drop && drop.definition() != null);
        }

        @Test
        @DisplayName("a sequence's allocation size, and a new enum value in place")
        void sequenceAndEnumChanges() {
            Schema before = new Schema("public", List.of(),
                    List.of(Sequence.of("s").withOptions(new SequenceOptions(1L, 1L, 1L, Long.MAX_VALUE, 1L, false))),
                    List.of(EnumType.of("mood", "low", "high")));
            Schema after = new Schema("public", List.of(), List.of(Sequence.of("s").startWith(1).incrementBy(50)),
                    List.of(EnumType.of("mood", "low", "mid", "high")));
            Diff diff = comparator.compare(after, before);
            assertEquals(List.of("add value 'mid' to enum type mood", "alter sequence s"), described(diff));
        }

        @Test
        @DisplayName("an enum losing a value as unsupported, with a warning, so check still fails")
        void enumValueRemoved() {
            Diff diff = comparator.compare(new Schema("public", List.of(), List.of(), List.of(EnumType.of("mood", "low"))),
                    new Schema("public", List.of(), List.of(), List.of(EnumType.of("mood", "low", "high"))));
            assertTrue(diff.operations().isEmpty());
            assertEquals(1, diff.unsupported());
            assertEquals(Warning.Kind.UNSUPPORTED, diff.warnings().get(0).kind());
            assertTrue(!diff.isEmpty());
        }

        @Test
        @DisplayName("nullability, default and comment changes in one reversible alteration, with warnings")
        void columnAlteration() {
            Table before = table("t", ID, Column.of("title", "varchar(50)"));
            Table after = table("t", ID, Column.of("title", "varchar(20)").notNull().withDefault("'x'").withComment("Title"));
            Diff diff = comparator.compare(schema(after), schema(before));
            AlterColumn alter = (AlterColumn) diff.operations().get(0);
            assertTrue(alter.isReversible());
            assertEquals(false, alter.nullable().to());
            assertEquals(List.of(Warning.Kind.DATA_LOSS, Warning.Kind.NOT_NULL_WITHOUT_DEFAULT),
                    diff.warnings().stream().map(Warning::kind).toList());
        }

        @Test
        @DisplayName("a dropped and an added column of the same type as a possible rename")
        void possibleRename() {
            Table before = table("t", ID, Column.of("body", "text"));
            Table after = table("t", ID, Column.of("content", "text"));
            Diff diff = comparator.compare(schema(after), schema(before));
            assertTrue(diff.warnings().stream().anyMatch(w -> w.kind() == Warning.Kind.POSSIBLE_RENAME
                    && w.message().contains("op.renameColumn(\"t\", \"body\", \"content\")")), diff.warnings()::toString);
        }
    }
}
