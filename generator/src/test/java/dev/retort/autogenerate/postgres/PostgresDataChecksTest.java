package dev.retort.autogenerate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Warning;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.Operation;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each data warning against seeded rows, and its silence where the data is fine. */
@ExtendWith(FreshDatabase.class)
@DisplayName("Warnings from the data")
class PostgresDataChecksTest {

    TestDatabase db;

    @BeforeEach
    void seed(TestDatabase db) {
        this.db = db;
        db.execute("CREATE TABLE orgs (id bigint PRIMARY KEY)",
                "INSERT INTO orgs SELECT generate_series(1, 5)",
                "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, code bigint)",
                "INSERT INTO users SELECT i, 'user' || i || '@example.org', 'n' || i, 1 + i % 5, i FROM generate_series(1, 50) i",
                // three long addresses (two of them the same), two NULL names, four unknown orgs, one huge code
                "UPDATE users SET email = 'a.very.long.address.indeed@example.org' WHERE id IN (1, 2)",
                "UPDATE users SET email = 'another.long.address.here@example.org' WHERE id = 3",
                "UPDATE users SET email = 'twin@example.org' WHERE id IN (4, 5)",
                "UPDATE users SET name = NULL WHERE id IN (6, 7)",
                "UPDATE users SET org_id = 99 WHERE id BETWEEN 8 AND 11",
                "UPDATE users SET code = 5000000000 WHERE id = 12",
                "CREATE TABLE empty_one (id bigint)",
                "CREATE TABLE big (id integer, v text)",
                "INSERT INTO big SELECT i, 'v' FROM generate_series(1, 120000) i",
                "ANALYZE big");
    }

    List<Warning> run(Operation... ops) throws Exception {
        try (Connection c = db.connect()) {
            List<Warning> warnings = PostgresDataChecks.withDefaults().run(c, List.of(ops));
            assertTrue(c.getAutoCommit(), "the connection is left in autocommit, as found");
            return warnings;
        }
    }

    static String only(List<Warning> warnings, Warning.Kind kind) {
        List<String> of = warnings.stream().filter(w -> w.kind() == kind).map(Warning::message).toList();
        assertEquals(1, of.size(), () -> kind + ": " + warnings);
        return of.get(0);
    }

    @Test
    @DisplayName("counts NULLs where a column becomes NOT NULL, and long values for a shorter type")
    void nullsAndLengths() throws Exception {
        List<Warning> w = run(AlterColumn.between("users", Column.of("name", "text"), Column.of("name", "text").notNull()),
                AlterColumn.between("users", Column.of("email", "text"), Column.of("email", "varchar(30)")));
        assertEquals("users.name: 2 rows are NULL; SET NOT NULL will fail on this database. Fill them first (a data "
                + "migration), or give the column a default.", only(w, Warning.Kind.DATA_NULLS));
        assertEquals("users.email: 3 rows are longer than 30 characters; the type change to varchar(30) will fail on "
                + "this database (or cut them on purpose with .allowLoss()).", only(w, Warning.Kind.DATA_TOO_LONG));
        assertTrue(w.stream().noneMatch(x -> x.message().contains("example.org")), "no row contents: " + w);
        assertEquals(List.of(), run(AlterColumn.between("users", Column.of("email", "text"),
                Column.of("email", "varchar(60)"))), "every value fits");
    }

    @Test
    @DisplayName("counts numbers outside a narrower integer type, and rows where a NOT NULL column is added")
    void rangesAndRows() throws Exception {
        List<Warning> w = run(AlterColumn.between("users", Column.of("code", "bigint"), Column.of("code", "integer")),
                new AddColumn("users", Column.of("plan", "text").notNull()),
                new AddColumn("empty_one", Column.of("plan", "text").notNull()));
        assertEquals("users.code: 1 row is outside integer's range; the type change to integer will fail on this "
                + "database.",
                only(w, Warning.Kind.DATA_OUT_OF_RANGE));
        assertEquals("users has rows, so adding NOT NULL column users.plan without a default will fail on this "
                + "database.", only(w, Warning.Kind.DATA_ROWS_EXIST));
    }

    @Test
    @DisplayName("counts duplicates for a unique index, and rows a foreign key or check rejects")
    void constraints() throws Exception {
        List<Warning> w = run(new CreateIndex("users", Index.of("ux_users_email", "email").unique(), false),
                new AddConstraint("users", ForeignKey.of("fk_users_org", "org_id", "orgs", "id")),
                new AddConstraint("users", new CheckConstraint("ck_users_code", "code < 40")));
        assertEquals("the unique index ux_users_email on users (email): 2 values occur more than once; building it "
                + "will fail on this database.", only(w, Warning.Kind.DATA_DUPLICATES));
        assertEquals("the foreign key fk_users_org on users (org_id) to orgs: 4 rows reference no orgs row; adding it "
                + "will fail on this database.", only(w, Warning.Kind.DATA_ORPHANS));
        assertEquals("the check ck_users_code on users (code < 40): 12 rows fail it; adding it will fail on this "
                + "database.", only(w, Warning.Kind.DATA_CHECK_VIOLATIONS));
        assertEquals(List.of(), run(new CreateIndex("users", Index.of("ux_users_id", "id").unique(), false)));
    }

    @Test
    @DisplayName("estimates a large table from pg_class where a change rewrites or blocks it")
    void largeTables() throws Exception {
        List<Warning> w = run(AlterColumn.between("big", Column.of("id", "integer"), Column.of("id", "bigint")));
        String m = only(w, Warning.Kind.LARGE_TABLE);
        assertTrue(m.startsWith("big: ~120,000 rows, ") && m.endsWith(" (estimate from pg_class): this type change "
                + "rewrites the table and its indexes under an ACCESS EXCLUSIVE lock."), m);
        assertEquals(List.of(), run(AlterColumn.between("big", Column.of("v", "varchar(10)"),
                Column.of("v", "varchar(20)"))), "widening a varchar rewrites nothing");
        assertEquals(List.of(), run(new CreateIndex("big", Index.of("ix_big_v", "v"), true)),
                "a concurrent build does not block");
    }

    @Test
    @DisplayName("skips a check that takes longer than its time limit, and tables the same diff creates")
    void boundedAndNewTables() throws Exception {
        try (Connection c = db.connect()) {
            List<Warning> w = new PostgresDataChecks(Duration.ofMillis(1)).run(c, List.of(AlterColumn.between("big",
                    Column.of("v", "text"), Column.of("v", "text").notNull())));
            String m = only(w, Warning.Kind.DATA_CHECK_SKIPPED);
            assertEquals("big.v: the NULL count took longer than 1 ms and was skipped; the data may still make the "
                    + "upgrade fail.", m);
        }
        assertEquals(List.of(), run(new CreateTable(Table.of("fresh", Column.of("id", "bigint"))),
                new AddColumn("fresh", Column.of("plan", "text").notNull())));
    }
}
