package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.platform.Platform;
import dev.retort.schema.Column;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * lock_timeout on every revision, the retries of a revision that gave up on a lock, and the sessions named when it
 * fails for good. A second connection plays the long report: an open transaction holding ACCESS SHARE on items.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Lock timeouts")
class LockTimeoutTest {

    static final class AddNote implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("items", Column.of("note", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("items", "note");
        }
    }

    @Revision(id = "b2", parent = "a1", transactional = false)
    static final class AddFlag implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("items", Column.of("flag", "boolean"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("items", "flag");
        }
    }

    static final RevisionGraph GRAPH = RevisionGraph.of(List.of(
            RunnerTest.script("a1", AddNote.class, List.of()),
            RunnerTest.script("b2", AddFlag.class, List.of(), "a1")));

    static final RuntimeSettings SETTINGS = new RuntimeSettings("retort_version", Duration.ofMillis(300), 2,
            Duration.ofMillis(50));

    /** Records the retries, and runs {@code onRetry} at the first. */
    static final class Retries implements RunListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        Runnable onRetry = () -> { };

        @Override
        public void retrying(LoadedRevision loaded, int attempt, int attempts, Duration delay, List<String> holders) {
            calls.add(loaded.id() + " " + attempt + "/" + attempts + " after " + delay.toMillis() + " ms: " + holders);
            onRetry.run();
        }
    }

    /** An open transaction that has read items, as a long report does, under application_name report-job. */
    static Connection blocker(TestDatabase db) throws SQLException {
        Connection c = db.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET application_name = 'report-job'");
        }
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT count(*) FROM items");
        }
        return c;
    }

    static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    @DisplayName("retries with backoff, then fails naming the session that holds the lock, at the revision before")
    void failsNamingTheHolder(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id integer)");
        try (Connection report = blocker(db); Connection c = db.connect()) {
            Retries retries = new Retries();
            Runner runner = new Runner(GRAPH, Platform.postgres(), SETTINGS, retries);
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> runner.upgrade(c, "a1"));
            int pid = pid(report);
            assertEquals(2, retries.calls.size(), retries.calls::toString);
            assertTrue(retries.calls.get(0).startsWith("a1 1/3 after 50 ms: [pid " + pid + " (user "), retries.calls::toString);
            assertTrue(retries.calls.get(1).startsWith("a1 2/3 after 100 ms: "), retries.calls::toString);
            String m = e.getMessage();
            assertTrue(m.contains("lock timeout") && m.contains("[SQLSTATE 55P03]"), m);
            assertTrue(m.contains("longer than lock_timeout (300 ms) on each of 3 attempts: pid " + pid), m);
            assertTrue(m.contains("application 'report-job', idle in transaction, transaction open ")
                    && m.contains("holding AccessShareLock)"), m);
            assertTrue(m.contains("SELECT pg_terminate_backend(" + pid + ")"), m);
            assertTrue(!m.contains("count(*)"), "the holder's query is not shown: " + m);
            assertEquals(List.of(), runner.current(c), "the database remains at base");
            assertEquals(List.of(), runner.history(c));
        }
    }

    @Test
    @DisplayName("succeeds on a retry once the holder lets go, even for the first revision (its version table too)")
    void succeedsOnRetry(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id integer)");
        try (Connection report = blocker(db); Connection c = db.connect()) {
            Retries retries = new Retries();
            retries.onRetry = () -> {
                try {
                    report.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            Runner runner = new Runner(GRAPH, Platform.postgres(), SETTINGS, retries);
            assertEquals(2, runner.upgrade(c, "b2").size());
            assertEquals(1, retries.calls.size(), retries.calls::toString);
            assertEquals(List.of("b2"), runner.current(c));
            assertEquals("0", one(c, "SHOW lock_timeout"), "the non-transactional revision restored the setting");
            assertEquals("flag", one(c, "SELECT column_name FROM information_schema.columns WHERE table_name = "
                    + "'items' AND column_name = 'flag'"));
        }
    }

    @Test
    @DisplayName("runs every revision with the lock_timeout, and writes it into offline scripts")
    void setsTheTimeout(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id integer)");
        Runner runner = new Runner(GRAPH, Platform.postgres(), SETTINGS, RunListener.SILENT);
        String script = runner.script("base", "b2", true);
        assertTrue(script.contains("BEGIN;\n\nSET LOCAL lock_timeout = '300ms';\n\nALTER TABLE items ADD COLUMN note"),
                script);
        assertTrue(script.contains("SET lock_timeout = '300ms';\n\nALTER TABLE items ADD COLUMN flag boolean;\n\n"
                + "RESET lock_timeout;\n\nBEGIN;"), script);
        assertTrue(!new Runner(GRAPH, Platform.postgres(), new RuntimeSettings("retort_version"), RunListener.SILENT)
                .script("base", "b2", true).contains("lock_timeout"));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '7s'");
            runner.upgrade(c, "b2");
            assertEquals("7s", one(c, "SHOW lock_timeout"), "the connection's own setting is back");
        }
    }
}
