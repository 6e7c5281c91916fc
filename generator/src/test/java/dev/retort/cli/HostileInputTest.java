package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("Hostile text in migrations")
class HostileInputTest {

    @Test
    @DisplayName("a message, comment or name over several lines cannot add a statement or a psql command to a script")
    void scriptsRunExactlyTheMigrations(TestDatabase online) throws Exception {
        try (Project p = Project.create(online); TestDatabase offline = TestDatabase.create()) {
            Path marker = p.root().resolve("pwned");
            String touch = "\\\\! touch " + marker;
            p.migration("a1", List.of(), "tables", """
                    op.createTable("victim", Column.of("id", "integer"));
                    op.createTable("log", Column.of("n", "integer"), Column.of("what", "text"));
                    op.execute("INSERT INTO log VALUES (1, 'a1\\n%1$s\\nDROP TABLE victim;')");
                    op.setTableComment("victim", "first line\\n%1$s\\n'; DROP TABLE victim; --\\\\");
                    op.createTable("odd\\n%1$s", Column.of("id", "integer"));""".formatted(touch), "");
            List<String> messages = List.of(
                    "add thing\nDROP TABLE victim;",
                    "carriage\rDROP TABLE victim;",
                    "separator\u2028DROP TABLE victim;\u2029DROP TABLE log;",
                    "closes */ a comment and \\u000a escapes\n; DROP TABLE victim;",
                    "back\\slash at the end \\",
                    "psql\n\\! touch " + marker,
                    "\\! touch " + marker);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                String id = "b" + (i + 1);
                Cli.Result r = p.run("generate", messages.get(i), "--empty", "--rev-id", id);
                assertEquals(0, r.exit(), r::toString);
                ids.add(id);
            }
            p.migration("z9", List.of(ids.get(ids.size() - 1)), "last",
                    "op.execute(\"INSERT INTO log VALUES (9, 'end')\");", "");

            RevisionGraph graph = RevisionGraph.fromSources(p.migrationsDir(), HostileInputTest.class.getClassLoader());
            for (int i = 0; i < messages.size(); i++) {
                LoadedRevision s = graph.get(ids.get(i));
                assertEquals(messages.get(i), s.message(), "the generated @Revision keeps the message exactly");
                String source = Files.readString(Path.of(s.source()));
                assertFalse(source.lines().anyMatch(l -> l.stripLeading().startsWith("DROP TABLE")), source);
            }

            Cli.Result up = p.run("upgrade");
            assertEquals(0, up.exit(), up::toString);
            assertEquals(messages.size() + 2, up.err().lines().filter(l -> l.startsWith("Running upgrade")).count(),
                    "one progress line per revision:\n" + up.err());

            Cli.Result script = p.run("sql", "base:head");
            assertEquals(0, script.exit(), script::toString);
            assertTrue(script.out().contains("-- Running upgrade a1 -> b1, add thing\\nDROP TABLE victim;\n"), script.out());
            assertTrue(script.out().contains("-- Running upgrade b6 -> b7, \\\\! touch "), script.out());
            OfflineScriptTest.psql(offline, script.out(), p.root());

            assertFalse(Files.exists(marker), "no psql meta-command ran");
            assertEquals(online.snapshot(), offline.snapshot(), "the script built exactly what the upgrade built");
            assertEquals(log(online), log(offline));
            assertEquals("1|a1\n" + touch.replace("\\\\", "\\") + "\nDROP TABLE victim;,9|end", log(offline));
        }
    }

    @Test
    @DisplayName("SQL that psql would read differently is refused in the script, naming the revision")
    void refusesPsqlHazards(TestDatabase db) {
        try (Project p = Project.create(db)) {
            p.migration("a1", List.of(), "meta", "op.execute(\"SELECT 1;\\n\\\\! touch /tmp/retort-never\");", "");
            Cli.Result r = p.run("sql", "base:head");
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("Cannot write the offline script: the upgrade of revision a1 (meta)")
                    && r.err().contains("a backslash outside any quote at line 2, which psql runs as a meta-command"),
                    r::toString);
            assertEquals("", r.out());
        }
    }

    @Test
    @DisplayName("COMMIT in a migration is refused and the rerun meets the same database, not a half-applied one")
    void commitInMigration(TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            p.migration("a1", List.of(), "commits", """
                    op.execute("CREATE TABLE t3 (id integer)");
                    op.execute("COMMIT");
                    op.execute("SELECT 1 / 0");""", "");
            for (int attempt = 0; attempt < 2; attempt++) {
                Cli.Result r = p.run("upgrade");
                assertEquals(2, r.exit(), r::toString);
                assertTrue(r.err().contains("ends the transaction it runs in (COMMIT in op.execute)")
                        && r.err().contains("transactional = false")
                        && r.err().contains("remains at base (no revision); the failed revision's transaction was "
                            + "rolled back, nothing of it was applied"), r::toString);
                assertFalse(r.err().contains("already exists"), r::toString);
                assertEquals("", online(db, "SELECT coalesce(string_agg(tablename, ','), '') FROM pg_tables "
                        + "WHERE schemaname = 'public'"));
            }
        }
    }

    @Test
    @DisplayName("show and the offline script say when a revision runs outside a transaction")
    void nonTransactionalRevisionIsShown(TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            p.write(p.migrationsDir().resolve("Va1.java"), """
                    package app.migrations;

                    import dev.retort.migration.*;
                    import dev.retort.schema.*;

                    @Revision(id = "a1", message = "concurrent index", transactional = false)
                    public final class Va1 implements Migration {
                        @Override
                        public void upgrade(Operations op) {
                            op.execute("CREATE TABLE IF NOT EXISTS items (name text)");
                            op.createIndexConcurrently("items", Index.of("ix_items_name", "name"));
                        }

                        @Override
                        public void downgrade(Operations op) {
                            op.dropIndexConcurrently("items", Index.of("ix_items_name", "name"));
                        }
                    }
                    """);
            Cli.Result show = p.run("show", "a1");
            assertTrue(show.out().contains("Transaction: none (@Revision(transactional = false))"), show::toString);
            Cli.Result script = p.run("sql", "base:head");
            assertTrue(script.out().contains("-- Runs outside a transaction (@Revision(transactional = false)): each "
                    + "statement commits on its own.\n\nCREATE TABLE IF NOT EXISTS items (name text);\n\n"
                    + "CREATE INDEX CONCURRENTLY ix_items_name ON items (name);\n\nBEGIN;"), script::toString);
            assertEquals(0, p.run("upgrade").exit());
            assertEquals("ix_items_name", online(db, "SELECT indexname FROM pg_indexes WHERE tablename = 'items'"));
        }
    }

    private static String log(TestDatabase db) throws Exception {
        return online(db, "SELECT string_agg(n || '|' || what, ',' ORDER BY n) FROM log");
    }

    private static String online(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
