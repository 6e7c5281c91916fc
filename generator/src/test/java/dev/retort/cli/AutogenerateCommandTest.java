package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
@DisplayName("generate and check")
class AutogenerateCommandTest {

    static final String RICH = "dev.retort.fixtures.rich";

    private static Project richProject(TestDatabase db) {
        Project p = Project.create(db);
        p.writeConfigWithEntities(RICH, "");
        return p;
    }


    @Test
    @DisplayName("writes a baseline for an empty database that compiles, upgrades, checks clean and downgrades to nothing")
    void baselineRoundTrip(TestDatabase db) throws Exception {
        try (Project p = richProject(db)) {
            Cli.Result generated = p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            assertTrue(generated.err().contains("Detected added table 'user'"), generated::toString);
            assertTrue(generated.err().contains("Detected added enum type 'severity'"), generated::toString);
            Path file = p.migrationsDir().resolve("Vaaaa00000001_baseline.java");
            assertEquals("Generating " + file + " ... done\n", generated.out());
            String source = Files.readString(file);
            assertTrue(source.startsWith("package app.migrations;\n\nimport dev.retort.migration.*;"), source);
            assertTrue(source.contains("@Revision(id = \"aaaa00000001\""), source);

            p.expect(0, "upgrade");
            CatalogSnapshot head = db.snapshot();
            assertTrue(head.has("table user") && head.has("enum severity"), head::toString);
            assertEquals("No changes detected.\n", p.expect(0, "check").out());

            Cli.Result again = p.expect(0, "generate", "nothing new", "--rev-id", "bbbb00000002");
            assertEquals("No changes detected.\n", again.out());
            assertEquals(List.of(file), p.migrationFiles(), "nothing is written when nothing changed");

            p.expect(0, "downgrade", "base");
            assertTrue(db.snapshot().withoutRetort("retort_version").isEmpty(), () -> db.snapshot().toString());
        }
    }

    @Test
    @DisplayName("entities in another schema: the schema is created, its objects named with it, and dropped on the way back")
    void severalSchemas(TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            p.writeConfigWithEntities("dev.retort.fixtures.schemas", "");
            Cli.Result generated = p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            assertTrue(generated.err().contains("Detected added schema 'audit'"), generated::toString);
            assertTrue(generated.err().contains("Detected added table 'audit.login_event'"), generated::toString);
            String source = Files.readString(p.migrationsDir().resolve("Vaaaa00000001_baseline.java"));
            assertTrue(source.contains("op.createSchema(\"audit\");"), source);
            assertTrue(source.contains("op.schema(\"audit\").createTable(\"login_event\","), source);
            assertTrue(source.contains(".inSchema(\"public\")"), source);

            p.expect(0, "upgrade");
            assertTrue(db.snapshot("audit").has("table login_event"), () -> db.snapshot("audit").toString());
            assertTrue(db.snapshot("audit").has("constraint login_event."), () -> db.snapshot("audit").toString());
            assertEquals("No changes detected.\n", p.expect(0, "check").out());

            // retort.yaml may name the schemas to compare; an entity outside them is an error naming its schema.
            p.writeConfigWithEntities("dev.retort.fixtures.schemas", "");
            String yaml = Files.readString(p.config());
            Files.writeString(p.config(), yaml + "schemas: [public]\n");
            Cli.Result refused = p.expect(2, "check");
            assertTrue(refused.err().contains("schema audit (audit.login_event)")
                    && refused.err().contains("Add audit to schemas:"), refused::toString);
            Files.writeString(p.config(), yaml + "schemas: [public, audit]\n");
            assertEquals("No changes detected.\n", p.expect(0, "check").out());

            p.expect(0, "downgrade", "base");
            try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'audit'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the downgrade drops the schema the upgrade created");
            }
        }
    }

    @Test
    @DisplayName("is deterministic: the same entities, revision id and clock give byte-identical files")
    void deterministic(TestDatabase db) throws Exception {
        try (Project a = richProject(db); TestDatabase other = TestDatabase.create(); Project b = richProject(other)) {
            a.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            b.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            byte[] first = Files.readAllBytes(a.migrationFiles().get(0));
            byte[] second = Files.readAllBytes(b.migrationFiles().get(0));
            assertEquals(new String(first), new String(second));
        }
    }

    @Test
    @DisplayName("check exits 1 with every change, in text, JSON and Markdown, and changes nothing")
    void checkReportsDrift(TestDatabase db) throws Exception {
        try (Project p = richProject(db)) {
            CatalogSnapshot before = db.snapshot();
            Cli.Result text = p.expect(1, "check");
            assertTrue(text.out().contains("Detected added table 'organization'"), text::toString);
            assertTrue(text.out().contains("changes not in a migration"), text::toString);

            JsonNode json = new ObjectMapper().readTree(p.expect(1, "check", "--format", "json").out());
            assertTrue(json.get("changed").asBoolean());
            List<String> ops = new ArrayList<>();
            json.get("changes").forEach(c -> ops.add(c.get("op").asText()));
            assertTrue(ops.contains("create_table") && ops.contains("create_enum") && ops.contains("create_sequence"), ops::toString);
            JsonNode first = json.get("changes").get(0);
            assertTrue(first.has("description") && first.has("op"), first::toString);
            json.get("changes").forEach(c -> assertFalse(c.has("column") && c.get("column").isNull()));

            String markdown = p.expect(1, "check", "--format", "markdown").out();
            assertTrue(markdown.startsWith("### Retort check: "), markdown);
            assertTrue(markdown.contains("| # | Operation | Table | Column | Name | Change |"), markdown);
            assertTrue(markdown.contains("| `create_table` | `organization` |"), markdown);
            assertEquals(before, db.snapshot(), "check changes nothing");
        }
    }

    @Test
    @DisplayName("warnings reach the report: dropping a column is data loss")
    void warnsAboutDataLoss(TestDatabase db) throws Exception {
        try (Project p = richProject(db)) {
            p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            p.expect(0, "upgrade");
            db.execute("ALTER TABLE label ADD COLUMN legacy text");
            JsonNode json = new ObjectMapper().readTree(p.expect(1, "check", "--format", "json").out());
            assertEquals("drop_column", json.get("changes").get(0).get("op").asText());
            assertEquals("label", json.get("changes").get(0).get("table").asText());
            assertEquals("legacy", json.get("changes").get(0).get("column").asText());
            assertEquals("data-loss", json.get("warnings").get(0).get("kind").asText());
            String markdown = p.expect(1, "check", "--format", "markdown").out();
            assertTrue(markdown.contains("> :warning: **data-loss**: Dropping column label.legacy deletes its data."), markdown);
            Cli.Result gen = p.expect(0, "generate", "drop legacy", "--rev-id", "bbbb00000002");
            assertTrue(gen.err().contains("WARNING (data-loss): Dropping column label.legacy"), gen::toString);
            String source = Files.readString(p.migrationsDir().resolve("Vbbbb00000002_drop_legacy.java"));
            assertTrue(source.contains("// WARNING (data-loss): Dropping column label.legacy deletes its data."), source);
            assertTrue(source.contains("op.dropColumn(\"label\", \"legacy\");"), source);
            assertTrue(source.contains("op.addColumn(\"label\", Column.of(\"legacy\", \"text\"));"), source);
        }
    }

    @Test
    @DisplayName("reports an INVALID index and a NOT VALID constraint as warnings, without failing, nor writing them")
    void warnsAboutUnenforcedObjects(TestDatabase db) throws Exception {
        try (Project p = richProject(db)) {
            p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            p.expect(0, "upgrade");
            String invalid;
            try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT c.relname FROM "
                    + "pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                    + "WHERE t.relname = 'task' AND NOT i.indisprimary ORDER BY 1 LIMIT 1")) {
                rs.next();
                invalid = rs.getString(1);
            }
            // What an interrupted CREATE INDEX CONCURRENTLY leaves, set directly.
            db.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = '" + invalid + "'::regclass",
                    "ALTER TABLE label ADD CONSTRAINT ck_label_short CHECK (length(name) < 1000) NOT VALID");
            Cli.Result text = p.expect(1, "check");
            assertTrue(text.out().contains("WARNING (not-valid-constraint): Constraint ck_label_short on label is NOT VALID")
                    && text.out().contains("ALTER TABLE label VALIDATE CONSTRAINT ck_label_short;"), text::toString);
            assertTrue(text.out().contains("WARNING (invalid-index): Index " + invalid + " on task is INVALID")
                    && text.out().contains("REINDEX INDEX CONCURRENTLY " + invalid + ";"), text::toString);

            // With the unknown check gone, nothing is left to change: the index warning stays, check passes.
            db.execute("ALTER TABLE label DROP CONSTRAINT ck_label_short");
            Cli.Result clean = p.expect(0, "check");
            assertTrue(clean.out().startsWith("No changes detected.\nWARNING (invalid-index): Index " + invalid), clean::toString);
            JsonNode json = new ObjectMapper().readTree(p.expect(0, "check", "--format", "json").out());
            assertFalse(json.get("changed").asBoolean());
            assertEquals("invalid-index", json.get("warnings").get(0).get("kind").asText());
            assertEquals("task", json.get("warnings").get(0).get("table").asText());
            assertTrue(p.expect(0, "check", "--format", "markdown").out().contains("> :warning: **invalid-index**"));
            Cli.Result gen = p.expect(0, "generate", "nothing", "--rev-id", "bbbb00000002");
            assertTrue(gen.err().contains("WARNING (invalid-index)") && gen.out().equals("No changes detected.\n"),
                    gen::toString);
        }
    }

    @Test
    @DisplayName("says so when the role may not create temporary tables and the rules alone compared the spellings")
    void warnsWhenPostgresCannotBeAsked(TestDatabase db) throws Exception {
        String role = "retort_notemp_" + Long.toHexString(System.nanoTime());
        try (Project p = richProject(db)) {
            p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            p.expect(0, "upgrade");
            db.execute("CREATE ROLE " + role + " LOGIN", "REVOKE TEMPORARY ON DATABASE " + db.name() + " FROM PUBLIC",
                    "GRANT SELECT ON retort_version TO " + role);
            try {
                String url = db.url().replaceFirst("([?&])user=[^&]*", "$1user=" + role).replaceFirst("&password=[^&]*", "");
                assumeTrue(url.contains("user=" + role) && canLogIn(url), "a role without a password may log in");

                db.execute("ALTER TABLE label ADD COLUMN legacy text");
                JsonNode warnings = new ObjectMapper().readTree(p.expect(1, "--url", url, "check", "--format", "json")
                        .out()).get("warnings");
                List<String> kinds = new ArrayList<>();
                warnings.forEach(w -> kinds.add(w.get("kind").asText()));
                assertTrue(kinds.contains("data-loss"), kinds::toString);
                assertEquals("rules-only", kinds.get(kinds.size() - 1), kinds::toString);
                String message = warnings.get(kinds.size() - 1).get("message").asText();
                assertTrue(message.contains("(permission denied to create temporary tables in database \"" + db.name()
                        + "\")."), message);
                assertTrue(message.contains("GRANT TEMPORARY ON DATABASE " + db.name() + " TO " + role), message);

                JsonNode asOwner = new ObjectMapper().readTree(p.expect(1, "check", "--format", "json").out());
                assertEquals(1, asOwner.get("warnings").size(), "a role that may create temporary tables gets no such note");
                assertEquals("data-loss", asOwner.get("warnings").get(0).get("kind").asText());
            } finally {
                db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }

    private static boolean canLogIn(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    @DisplayName("refuses with exit 2 when the database is not at head, naming both revisions")
    void refusesWhenNotAtHead(TestDatabase db) {
        try (Project p = richProject(db)) {
            p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            CatalogSnapshot before = db.snapshot();
            for (String command : List.of("check", "generate")) {
                Cli.Result r = command.equals("check") ? p.run("check") : p.run("generate", "more");
                assertEquals(2, r.exit(), r::toString);
                assertTrue(r.err().contains("is at base (no revision)") && r.err().contains("aaaa00000001")
                        && r.err().contains("retort upgrade"), r::toString);
            }
            assertEquals(1, p.migrationFiles().size());
            assertEquals(before, db.snapshot());
        }
    }

    @Test
    @DisplayName("--sql previews the statements without writing; --empty writes a migration with nothing to do")
    void sqlPreviewAndEmpty(TestDatabase db) throws Exception {
        try (Project p = richProject(db)) {
            Cli.Result sql = p.expect(0, "generate", "baseline", "--sql");
            assertTrue(sql.out().contains("CREATE TYPE severity AS ENUM ('CRITICAL', 'HIGH', 'LOW', 'MEDIUM');"), sql::toString);
            assertTrue(sql.out().contains("CREATE TABLE \"user\" ("), sql::toString);
            assertTrue(p.migrationFiles().isEmpty());
            p.expect(0, "generate", "baseline", "--rev-id", "aaaa00000001");
            p.expect(0, "upgrade");
            p.expect(0, "generate", "data fix", "--empty", "--rev-id", "bbbb00000002");
            String source = Files.readString(p.migrationsDir().resolve("Vbbbb00000002_data_fix.java"));
            assertTrue(source.contains("parent = \"aaaa00000001\"") && source.contains("// Nothing to do."), source);
            p.expect(0, "upgrade");
            assertEquals("bbbb00000002 (head)", p.expect(0, "current").out().strip());
        }
    }

    @Test
    @DisplayName("takes entities from --classpath and --package, for any project's compiled classes")
    void entitiesFromOptions(TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            Path src = p.root().resolve("src/shop/Item.java");
            p.write(src, """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity @Table(name = "shop_item")
                    public class Item {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                        @Column(nullable = false, length = 80) String name;
                    }
                    """);
            Path classes = p.root().resolve("build");
            Files.createDirectories(classes);
            int javac = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path"), src.toString());
            assertEquals(0, javac);

            Cli.Result r = p.run("--classpath", classes.toString(), "--package", "shop", "check");
            assertEquals(1, r.exit(), r::toString);
            assertEquals("Detected added table 'shop_item'", r.out().lines().findFirst().orElse(""));
            p.expect(0, "--classpath", classes.toString(), "--package", "shop", "generate", "items", "--rev-id", "cccc00000001");
            p.expect(0, "upgrade");
            assertTrue(db.snapshot().has("column shop_item.name character varying(80) not null"), () -> db.snapshot().toString());
            assertEquals("No changes detected.\n", p.expect(0, "--classpath", classes.toString(), "--package", "shop", "check").out());

            Cli.Result none = p.run("check");
            assertEquals(2, none.exit(), none::toString);
            assertTrue(none.err().contains("No entity packages") && none.err().contains("--package"), none::toString);
        }
    }

    @Test
    @DisplayName("an entity Hibernate rejects fails with exit 2 naming the entity, and no stack trace")
    void rejectsBrokenEntities(TestDatabase db) {
        try (Project p = Project.create(db)) {
            p.writeConfigWithEntities("dev.retort.fixtures.broken.noid", "");
            CatalogSnapshot before = db.snapshot();
            for (String command : List.of("check", "generate")) {
                Cli.Result r = command.equals("check") ? p.run("check") : p.run("generate", "x");
                assertEquals(2, r.exit(), r::toString);
                assertTrue(r.err().startsWith("ERROR: ") && r.err().contains("dev.retort.fixtures.broken.noid.Orphan"), r::toString);
                assertFalse(r.err().contains("\tat "), r::toString);
            }
            assertTrue(p.migrationFiles().isEmpty());
            assertEquals(before, db.snapshot());
        }
    }

    @Test
    @DisplayName("--debug says when the entity schema cache had an entry it could not use; without it, nothing is said")
    void debugSaysWhenTheSchemaCacheFellBack(TestDatabase db, @TempDir Path cache) throws Exception {
        String previous = System.getProperty("retort.cache.dir");
        System.setProperty("retort.cache.dir", cache.toString());
        try (Project p = richProject(db)) {
            String drift = p.expect(1, "check").out();
            List<Path> entries;
            try (Stream<Path> files = Files.list(cache.resolve("schemas"))) {
                entries = files.toList();
            }
            assertEquals(1, entries.size(), entries::toString);
            Files.writeString(entries.get(0), "{ damaged");
            Cli.Result quiet = p.expect(1, "check");
            assertEquals(drift, quiet.out());
            assertFalse(quiet.err().contains("debug:"), quiet::toString);

            Files.writeString(entries.get(0), "{ damaged");
            Cli.Result debug = p.expect(1, "--debug", "check");
            assertEquals(drift, debug.out(), "the fallback changes nothing but the time it takes");
            assertTrue(debug.err().contains("debug: entity schema cache entry " + entries.get(0) + " not used ("),
                    debug::toString);
            Cli.Result hit = p.expect(1, "--debug", "check");
            assertFalse(hit.err().contains("debug:"), "the entry was stored afresh: " + hit);
        } finally {
            if (previous == null) {
                System.clearProperty("retort.cache.dir");
            } else {
                System.setProperty("retort.cache.dir", previous);
            }
        }
    }

    @Test
    @DisplayName("a class path entry that does not exist fails with exit 2 naming it")
    void missingClasspathEntry(TestDatabase db) {
        try (Project p = Project.create(db)) {
            p.writeConfigWithEntities(RICH, "classpath: [build/nowhere]");
            Cli.Result r = p.run("check");
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("build/nowhere") && r.err().contains("entities.classpath"), r::toString);
        }
    }
}
