package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.migration.Migration;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.platform.Platform;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("The runner")
class RunnerTest {

    static final class CreateItems implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("items", Column.of("id", "integer").notNull(), Column.of("name", "text"));
            op.execute("INSERT INTO items VALUES (1, 'Ada'), (2, 'grace')");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("items");
        }
    }

    /** Reads through op.connection() before writing: a data migration that needs the live session. */
    static final class CapitalizeNames implements Migration {
        @Override
        public void upgrade(Operations op) {
            try (Statement st = op.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, name FROM items ORDER BY id")) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    String fixed = name.substring(0, 1).toUpperCase() + name.substring(1);
                    if (!fixed.equals(name)) {
                        op.execute("UPDATE items SET name = '" + fixed + "' WHERE id = " + rs.getInt(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "c3", parent = "b2", transactional = false)
    static final class IndexConcurrently implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndexConcurrently("items", Index.of("ix_items_name", "name"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndexConcurrently("items", Index.of("ix_items_name", "name"));
        }
    }

    static final class BillingStart implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("invoices", Column.of("id", "integer").notNull());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("invoices");
        }
    }

    static LoadedRevision script(String id, Class<? extends Migration> type, List<String> labels, String... parents) {
        return new LoadedRevision(id, List.of(parents), type.getSimpleName(), labels, "", type.getName(), type,
                type.getAnnotation(Revision.class) == null || type.getAnnotation(Revision.class).transactional());
    }

    static final RevisionGraph GRAPH = RevisionGraph.of(List.of(
            script("a1", CreateItems.class, List.of()),
            script("b2", CapitalizeNames.class, List.of(), "a1"),
            script("c3", IndexConcurrently.class, List.of(), "b2"),
            script("d4", BillingStart.class, List.of("billing"))));

    private static Runner runner(String versionTable) {
        return new Runner(GRAPH, Platform.postgres(), new RuntimeSettings(versionTable), RunListener.SILENT);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.length() == 0 ? "" : ",").append(rs.getString(1));
            }
            return out.toString();
        }
    }

    @Test
    @DisplayName("keeps a configurable version table in the connection's schema and runs live data migrations")
    void usesConfiguredVersionTableAndSchema(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA app");
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO app, public");
            }
            Runner runner = runner("schema_history");
            List<Step> steps = runner.upgrade(c, "c3");
            assertEquals(List.of("a1", "b2", "c3"), steps.stream().map(s -> s.revision().id()).toList());
            assertEquals("c3", query(c, "SELECT version_num FROM app.schema_history"));
            assertEquals("Ada,Grace", query(c, "SELECT name FROM app.items ORDER BY id"));
            assertEquals("ix_items_name", query(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'app' AND tablename = 'items'"));
            assertEquals("", query(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
                    "nothing lands in public");
            assertEquals(List.of("c3"), runner.current(c));

            runner.downgrade(c, "a1");
            assertEquals("", query(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'items'"));
            assertEquals(List.of("a1"), runner.current(c));
        }
    }

    @Test
    @DisplayName("reaches a second root through its branch label, keeping the other branch")
    void followsBranchLabels(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            Runner runner = runner("retort_version");
            runner.upgrade(c, "a1");
            runner.upgrade(c, "billing@head");
            assertEquals(List.of("a1", "d4"), runner.current(c));
            runner.downgrade(c, "billing-1");
            assertEquals(List.of("a1"), runner.current(c));
            assertFalse(query(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").contains("invoices"));
            runner.upgrade(c, "heads");
            assertEquals(List.of("c3", "d4"), runner.current(c));
        }
    }

    @Test
    @DisplayName("stamp --purge replaces an unknown revision that a plain stamp refuses")
    void purgesUnknownRevisions(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE retort_version (version_num varchar(64) PRIMARY KEY)",
                "INSERT INTO retort_version VALUES ('deadbeef0000')");
        try (Connection c = db.connect()) {
            Runner runner = runner("retort_version");
            var refused = assertThrows(DatabaseStateException.class, () -> runner.stamp(c, "a1", false));
            assertTrue(refused.getMessage().contains("deadbeef0000") && refused.getMessage().contains("--purge"),
                    refused.getMessage());
            assertEquals(List.of("a1"), runner.stamp(c, "a1", true));
            assertEquals("a1", query(c, "SELECT version_num FROM retort_version"));
        }
    }

    @Test
    @DisplayName("writes a non-transactional revision's statements outside BEGIN/COMMIT, its version update inside")
    void scriptsConcurrentIndexOutsideTransaction() {
        String script = runner("retort_version").script("b2", "c3", true);
        assertTrue(script.contains("-- Running upgrade b2 -> c3, IndexConcurrently\n-- Runs outside a transaction "
                + "(@Revision(transactional = false)): each statement commits on its own.\n\n"
                + "CREATE INDEX CONCURRENTLY ix_items_name ON items (name);\n\nBEGIN;\n\n"
                + "UPDATE retort_version SET version_num = 'c3' WHERE version_num = 'b2';\n\n"
                + "INSERT INTO retort_version_history (revision, operation, message, execution_ms) VALUES ('c3', "
                + "'upgrade', 'IndexConcurrently', NULL);\n\nCOMMIT;"), script);
        assertTrue(script.startsWith("-- Retort offline script: upgrade b2 -> c3\n\nCREATE TABLE IF NOT EXISTS "
                + "retort_version_history ("), script);
    }

    static final class Fails implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE half (id integer)");
            op.execute("SELECT 1 / 0");
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Test
    @DisplayName("logs every revision applied, undone or stamped in <version table>_history, none that failed")
    void keepsHistory(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            Runner runner = runner("retort_version");
            assertEquals(List.of(), runner.history(c), "no history before the first run");
            runner.upgrade(c, "c3");
            runner.downgrade(c, "a1");
            runner.stamp(c, "b2", false);
            List<HistoryEntry> history = runner.history(c);
            assertEquals(List.of("a1 upgrade", "b2 upgrade", "c3 upgrade", "c3 downgrade", "b2 downgrade",
                    "b2 stamp"), history.stream().map(e -> e.revision() + " " + e.operation()).toList());
            String user = query(c, "SELECT current_user");
            for (HistoryEntry e : history) {
                assertEquals(user, e.appliedBy());
                assertEquals(e.operation().equals("stamp"), e.executionMillis() == null, e.toString());
                assertTrue(e.appliedAt() != null, e.toString());
            }
            assertEquals("CapitalizeNames", history.get(1).message());
            for (int i = 1; i < history.size(); i++) {
                assertFalse(history.get(i).appliedAt().isBefore(history.get(i - 1).appliedAt()), history.toString());
            }

            Runner failing = new Runner(RevisionGraph.of(List.of(script("a1", CreateItems.class, List.of()),
                    script("z9", Fails.class, List.of(), "a1"))), Platform.postgres(),
                    new RuntimeSettings("retort_version"), RunListener.SILENT);
            runner.stamp(c, "a1", true);
            assertThrows(MigrationFailedException.class, () -> failing.upgrade(c, "z9"));
            assertEquals("a1 stamp", last(failing.history(c)), "the failed revision left no row");
        }
    }

    private static String last(List<HistoryEntry> history) {
        HistoryEntry e = history.get(history.size() - 1);
        return e.revision() + " " + e.operation();
    }

    @Test
    @DisplayName("refuses a foreign table where the history belongs, and a version table name with no room for it")
    void refusesForeignHistoryTable(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE retort_version_history (id serial PRIMARY KEY, note text)");
        try (Connection c = db.connect()) {
            var refused = assertThrows(DatabaseStateException.class, () -> runner("retort_version").upgrade(c, "a1"));
            assertTrue(refused.getMessage().contains("public.retort_version_history")
                    && refused.getMessage().contains("applied_at"), refused.getMessage());
            assertEquals("", query(c, "SELECT tablename FROM pg_tables WHERE tablename IN ('items', 'retort_version')"),
                    "nothing was applied");
        }
        var tooLong = assertThrows(dev.retort.RetortException.class, () -> new Runner(GRAPH, Platform.postgres(),
                new RuntimeSettings("v".repeat(56)), RunListener.SILENT));
        assertTrue(tooLong.getMessage().contains("at most 55") && tooLong.getMessage().contains("version_table")
                && tooLong.getMessage().contains("PostgreSQL names hold at most 63 bytes"),
                tooLong.getMessage());
        assertEquals("v".repeat(55) + "_history", new RuntimeSettings("v".repeat(55)).historyTable());
    }
}
