package dev.retort.autogenerate.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Warning;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.Operation;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.MariaDb;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("MariaDB's data checks")
class MariaDbDataChecksTest {

    @Test
    @DisplayName("count the rows each change would refuse, say nothing of their contents, and leave the rows alone")
    void countsWhatTheChangesWouldRefuse(@MariaDb TestDatabase db) throws Exception {
        db.execute("CREATE TABLE owners (id bigint NOT NULL PRIMARY KEY)",
                "CREATE TABLE pets (id bigint NOT NULL PRIMARY KEY, name varchar(50), owner_id bigint, age int)",
                "INSERT INTO owners VALUES (1)",
                "INSERT INTO pets VALUES (1, 'secret-long-name', 1, 3), (2, NULL, 7, 300), (3, 'rex', 1, 4), "
                        + "(4, 'rex', NULL, 5)");
        List<Operation> ops = List.of(
                new AlterColumn.Builder("pets", "name").nullable(true, false).type("varchar(50)", "varchar(10)")
                        .build(),
                new AlterColumn.Builder("pets", "age").type("int", "tinyint").build(),
                new CreateIndex("pets", Index.of("ux_pets_name", "name").unique(), false),
                new AddConstraint("pets", ForeignKey.of("fk_pets_owner", "owner_id", "owners", "id")),
                new AddColumn("pets", Column.of("species", "varchar(20)").notNull()),
                new AddColumn("owners", Column.of("nickname", "varchar(20)").notNull().withDefault("'x'")));
        List<Warning> warnings;
        try (Connection c = db.connect()) {
            warnings = new MariaDbDataChecks(Duration.ofSeconds(2)).run(c, ops);
            assertTrue(c.getAutoCommit(), "the connection's state is left as found");
        }
        List<String> kinds = warnings.stream().map(w -> w.kind().code() + " " + w.table() + "." + w.column()).toList();
        assertEquals(List.of("data-nulls pets.name", "data-too-long pets.name", "data-out-of-range pets.age",
                "data-duplicates pets.name", "data-orphans pets.owner_id", "data-rows-exist pets.species"), kinds,
                warnings::toString);
        assertTrue(warnings.get(0).message().contains("1 row is NULL"), warnings.get(0).message());
        assertTrue(warnings.get(1).message().contains("1 row is longer than 10 characters"), warnings.get(1).message());
        assertTrue(warnings.get(2).message().contains("outside -128..127"), warnings.get(2).message());
        assertTrue(warnings.get(4).message().contains("1 row is no row of owners"), warnings.get(4).message());
        assertFalse(warnings.toString().contains("secret-long-name") || warnings.toString().contains("rex"),
                "no row's contents in a warning");
    }

    @Test
    @DisplayName("say nothing where the rows take the changes")
    void nothingToSayOnCleanData(@MariaDb TestDatabase db) throws Exception {
        db.execute("CREATE TABLE pets (id bigint NOT NULL PRIMARY KEY, name varchar(50))",
                "INSERT INTO pets VALUES (1, 'a')");
        try (Connection c = db.connect()) {
            assertEquals(List.of(), new MariaDbDataChecks(Duration.ofSeconds(2)).run(c, List.of(
                    new AlterColumn.Builder("pets", "name").nullable(true, false).type("varchar(50)", "varchar(10)")
                            .build(),
                    new CreateIndex("pets", Index.of("ux_pets_name", "name").unique(), false))));
        }
    }
}
