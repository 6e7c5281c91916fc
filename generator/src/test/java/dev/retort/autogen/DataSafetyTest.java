package dev.retort.autogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("A generated narrowing applied to live data")
class DataSafetyTest {

    private static final Model V1 = Model.base().edit("Customer", "length = 200", "length = 255");
    private static final Model V2 = Model.base().edit("Customer", "length = 200", "length = 10");
    private static final String LONG = "this name is far longer than ten";

    @Test
    @DisplayName("stops with the column and the row count, rolled back, and applies once the rows fit")
    void refusesToTruncate(TestDatabase db) throws Exception {
        Path work = Files.createTempDirectory("retort-narrowing");
        Workdir dir = new Workdir(work.resolve("project"), db.url());
        Workdir.Result generated = generateNarrowing(dir, work, db);
        assertTrue((generated.out() + generated.err()).contains("stops the upgrade (rolled back, with a count) when any row holds a value "
                + "that does not fit; to cut or round such values on purpose, add .allowLoss()"), generated::toString);
        String source = Files.readString(dir.migration("aaaaaaaaaaa2"));
        assertTrue(source.contains(".type(\"character varying(255)\", \"varchar(10)\")") && !source.contains(".allowLoss())"),
                source);
        CatalogSnapshot before = db.snapshot();

        Workdir.Result refused = dir.run("upgrade");
        assertEquals(2, refused.exit(), refused::toString);
        assertTrue(refused.err().contains("Narrowing customer.notes from character varying(255) to varchar(10) would "
                + "lose data: 1 row holds a value longer than 10 characters"), refused::toString);
        assertTrue(refused.err().contains("rolled back, nothing of it was applied"), refused::toString);
        assertEquals(before, db.snapshot(), "the column keeps its type");
        assertEquals(LONG, notes(db, "Ada"), "no data is lost");
        assertEquals("aaaaaaaaaaa1", dir.ok("current").out().strip());

        db.execute("UPDATE customer SET notes = 'shortened' WHERE name = 'Ada'");
        dir.ok("upgrade");
        assertEquals("shortened", notes(db, "Ada"));
        assertEquals("short", notes(db, "Alan"));
        assertEquals("No changes detected.", dir.ok("check").out().strip());
    }

    @Test
    @DisplayName("with allowLoss() in the migration, cuts the values as the author asked")
    void truncatesOnRequest(TestDatabase db) throws Exception {
        Path work = Files.createTempDirectory("retort-narrowing");
        Workdir dir = new Workdir(work.resolve("project"), db.url());
        generateNarrowing(dir, work, db);
        Path file = dir.migration("aaaaaaaaaaa2");
        Files.writeString(file, Files.readString(file).replaceFirst(
                "\\.type\\(\"character varying\\(255\\)\", \"varchar\\(10\\)\"\\)",
                ".type(\"character varying(255)\", \"varchar(10)\").allowLoss()"));
        dir.ok("upgrade");
        assertEquals(LONG.substring(0, 10), notes(db, "Ada"));
    }

    /** v1 applied with three customers (one with notes longer than 10), then v2's migration generated. */
    private static Workdir.Result generateNarrowing(Workdir dir, Path work, TestDatabase db) {
        dir.configure(EntityCompiler.compile(V1, work), null, Map.of());
        dir.ok("generate", "v1", "--rev-id", "aaaaaaaaaaa1");
        dir.ok("upgrade");
        db.execute("INSERT INTO customer (name, city, notes) VALUES ('Ada', 'London', '" + LONG + "'), "
                + "('Alan', 'Wilmslow', 'short'), ('Grace', 'Arlington', NULL)");
        dir.configure(EntityCompiler.compile(V2, work), null, Map.of());
        return dir.ok("generate", "shorter notes", "--rev-id", "aaaaaaaaaaa2");
    }

    private static String notes(TestDatabase db, String name) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT notes FROM customer WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
