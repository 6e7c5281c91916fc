package dev.retort.autogenerate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.retort.catalog.CatalogFilter;
import dev.retort.ddl.SqlStatement;
import dev.retort.diff.Diff;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.Operation;
import dev.retort.platform.postgres.PostgresDialect;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("Checks a downgrade re-creates")
class PostgresDowngradeSpellingTest {

    private static final PostgresDialect DIALECT = new PostgresDialect();

    private static final String[] TABLES = {
        "CREATE TABLE ticket (status varchar(20), \"Kind\" varchar(10), n integer,"
            + " CONSTRAINT ck_status CHECK (status IN ('OPEN', 'DONE', 'it''s')),"
            + " CONSTRAINT ck_kind CHECK (\"Kind\" NOT IN ('x', 'y')),"
            + " CONSTRAINT ck_n CHECK (n BETWEEN 0 AND 3))",
        "CREATE TABLE other (status varchar(5) CHECK (status IN ('A', 'B')))",
        "CREATE INDEX ix_ticket_open ON ticket (n) WHERE status IN ('OPEN', 'DONE')",
        "CREATE INDEX ix_other_a ON other (status) WHERE status NOT IN ('A')"};

    @Test
    @DisplayName("and index predicates come back in exactly the text the catalog stored, where the stored text would not")
    void restoreExactly(TestDatabase db) throws Exception {
        db.execute(TABLES);
        CatalogSnapshot before = db.snapshot();
        try (Connection c = db.connect()) {
            Schema actual = new PostgresCatalogReader(new CatalogFilter("retort_version", List.of(), List.of())).read(c);
            Table ticket = actual.table("ticket").orElseThrow();
            List<Operation> drops = new ArrayList<>();
            ticket.checks().forEach(check -> drops.add(new DropConstraint("ticket", check.name(), check)));
            ticket.indexes().forEach(index -> drops.add(new DropIndex("ticket", index.name(), index, false)));
            drops.add(new DropTable("other", actual.table("other").orElseThrow()));

            restore(db, drops);
            assertNotEquals(before, db.snapshot(), "re-added from the stored text, the IN lists come back respelled");

            db.execute("DROP TABLE ticket", "DROP TABLE other");
            db.execute(TABLES);
            Diff respelled = new PostgresDowngradeSpelling().apply(c, new Diff(drops, List.of(), 0));
            restore(db, respelled.operations());
            assertEquals(before, db.snapshot());
        }
    }

    /** Drops what {@code drops} drop, then runs their reverses, as a downgrade does. */
    private static void restore(TestDatabase db, List<Operation> drops) {
        List<String> sql = new ArrayList<>();
        for (Operation drop : drops) {
            DIALECT.statements(drop).stream().map(SqlStatement::sql).forEach(sql::add);
        }
        for (int i = drops.size() - 1; i >= 0; i--) {
            DIALECT.statements(drops.get(i).reverse()).stream().map(SqlStatement::sql).forEach(sql::add);
        }
        db.execute(sql.toArray(String[]::new));
    }
}
