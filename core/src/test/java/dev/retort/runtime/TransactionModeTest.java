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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("A revision's transaction")
class TransactionModeTest {

    @Revision(id = "a1", message = "create t1")
    static final class CreateT1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("t1", Column.of("id", "integer"), Column.of("v", "integer"));
            op.execute("INSERT INTO t1 SELECT g, g FROM generate_series(1, 100) g");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("t1");
        }
    }

    /** The case found from outside: CREATE TABLE t3; COMMIT; a failing statement. */
    @Revision(id = "b2", parent = "a1", message = "commits half way")
    static final class CommitsInExecute implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE t3 (id integer)");
            op.execute("COMMIT");
            op.execute("SELECT 1 / 0");
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "b2", parent = "a1", message = "commits through the connection")
    static final class CommitsThroughConnection implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE t3 (id integer)");
            try {
                op.connection().commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "b2", parent = "a1", message = "sends COMMIT through a statement of its own")
    static final class CommitsBehindTheRunnersBack implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE t3 (id integer)");
            try (Statement st = op.connection().createStatement()) {
                st.execute("COMMIT");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            op.execute("CREATE TABLE t4 (id integer)");
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "b2", parent = "a1", message = "concurrent index in a transaction")
    static final class ConcurrentInTransaction implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE t3 (id integer)");
            op.createIndexConcurrently("t1", Index.of("ix_t1_id", "id"));
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "b2", parent = "a1", message = "two indexes, concurrently", transactional = false)
    static final class TwoConcurrentIndexes implements Migration {
        static volatile boolean failSecond;

        @Override
        public void upgrade(Operations op) {
            op.createIndexConcurrently("t1", Index.of("ix_t1_id", "id"));
            if (failSecond) {
                op.execute("SELECT 1 / 0");
            }
            op.createIndexConcurrently("t1", Index.of("ix_t1_v", "v"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndexConcurrently("t1", Index.of("ix_t1_v", "v"));
            op.dropIndexConcurrently("t1", Index.of("ix_t1_id", "id"));
        }
    }

    @Revision(id = "b2", parent = "a1", message = "batched backfill", transactional = false)
    static final class BatchedBackfill implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("""
                    DO $$
                    DECLARE
                        updated integer;
                    BEGIN
                        LOOP
                            UPDATE t1 SET v = -v WHERE id IN (SELECT id FROM t1 WHERE v > 0 LIMIT 30);
                            GET DIAGNOSTICS updated = ROW_COUNT;
                            EXIT WHEN updated = 0;
                            COMMIT;
                        END LOOP;
                    END $$""");
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    private static Runner runner(Class<? extends Migration> second, List<String> notices) {
        List<LoadedRevision> loadedRevisions = new ArrayList<>();
        for (Class<? extends Migration> type : List.of(CreateT1.class, second)) {
            Revision r = type.getAnnotation(Revision.class);
            loadedRevisions.add(new LoadedRevision(r.id(), List.of(r.parent()), r.message(), List.of(), "",
                    type.getSimpleName() + ".java", type, r.transactional()));
        }
        RunListener listener = new RunListener() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
        return new Runner(RevisionGraph.of(loadedRevisions), Platform.postgres(), new RuntimeSettings("retort_version"),
                listener);
    }

    private static Runner runner(Class<? extends Migration> second) {
        return runner(second, new ArrayList<>());
    }

    @Nested
    @DisplayName("in a transactional revision")
    class Transactional {

        @Test
        @DisplayName("refuses COMMIT in op.execute before running it, so the whole revision rolls back")
        void refusesCommitInExecute(TestDatabase db) throws SQLException {
            try (Connection c = db.connect()) {
                Runner runner = runner(CommitsInExecute.class);
                runner.upgrade(c, "a1");
                MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> runner.upgrade(c, "b2"));
                assertTrue(e.getMessage().contains("ends the transaction it runs in (COMMIT in op.execute)")
                        && e.getMessage().contains("transactional = false")
                        && e.getMessage().contains("rolled back, nothing of it was applied"), e.getMessage());
                assertEquals(MigrationFailedException.Aftermath.ROLLED_BACK, e.aftermath());
                assertEquals("", tables(c, "t3"), "t3 was not committed");
                assertEquals(List.of("a1"), runner.current(c));
            }
        }

        @Test
        @DisplayName("refuses op.connection().commit(), so the whole revision rolls back")
        void refusesConnectionCommit(TestDatabase db) throws SQLException {
            try (Connection c = db.connect()) {
                Runner runner = runner(CommitsThroughConnection.class);
                runner.upgrade(c, "a1");
                MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> runner.upgrade(c, "b2"));
                assertTrue(e.getMessage().contains("(connection.commit())"), e.getMessage());
                assertEquals("", tables(c, "t3"));
                assertEquals(List.of("a1"), runner.current(c));
            }
        }

        @Test
        @DisplayName("notices a COMMIT it could not stop, records nothing and says what stays committed")
        void detectsAnEndedTransaction(TestDatabase db) throws SQLException {
            try (Connection c = db.connect()) {
                Runner runner = runner(CommitsBehindTheRunnersBack.class);
                runner.upgrade(c, "a1");
                MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> runner.upgrade(c, "b2"));
                assertEquals(MigrationFailedException.Aftermath.ENDED_BY_MIGRATION, e.aftermath());
                assertTrue(e.getMessage().contains("what it ran before that point is committed and was not rolled back")
                        && !e.getMessage().contains("nothing of it was applied"), e.getMessage());
                assertEquals("t3", tables(c, "t3"), "what ran before the COMMIT stays, as the message says");
                assertEquals("", tables(c, "t4"), "what ran after it was rolled back");
                assertEquals(List.of("a1"), runner.current(c), "the revision is not recorded as applied");
            }
        }

        @Test
        @DisplayName("refuses CREATE INDEX CONCURRENTLY, pointing to transactional = false")
        void refusesConcurrentStatements(TestDatabase db) throws SQLException {
            try (Connection c = db.connect()) {
                Runner runner = runner(ConcurrentInTransaction.class);
                runner.upgrade(c, "a1");
                MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> runner.upgrade(c, "b2"));
                assertTrue(e.getMessage().contains("cannot run this statement inside a transaction block")
                        && e.getMessage().contains("@Revision(..., transactional = false)"), e.getMessage());
                assertEquals("", tables(c, "t3"), "what ran before it was rolled back");
                assertEquals(List.of("a1"), runner.current(c));
            }
        }

        @Test
        @DisplayName("refuses the same in offline scripts")
        void refusesInScripts() {
            for (Class<? extends Migration> type : List.of(CommitsInExecute.class, ConcurrentInTransaction.class)) {
                Exception e = assertThrows(Exception.class, () -> runner(type).script("a1", "b2", true));
                assertTrue(e.getMessage().contains("Cannot write the offline script")
                        && e.getMessage().contains("transactional = false"), e.getMessage());
            }
        }
    }

    @Nested
    @DisplayName("in a revision declared transactional = false")
    class NotTransactional {

        @Test
        @DisplayName("runs CREATE INDEX CONCURRENTLY and records the revision once all statements ran")
        void runsConcurrentStatements(TestDatabase db) throws SQLException {
            TwoConcurrentIndexes.failSecond = false;
            try (Connection c = db.connect()) {
                Runner runner = runner(TwoConcurrentIndexes.class);
                runner.upgrade(c, "b2");
                assertEquals("ix_t1_id,ix_t1_v", indexes(c));
                assertEquals(List.of("b2"), runner.current(c));
                runner.downgrade(c, "a1");
                assertEquals("", indexes(c));
            }
        }

        @Test
        @DisplayName("lets a batched backfill commit after each batch")
        void commitsBatches(TestDatabase db) throws SQLException {
            try (Connection c = db.connect()) {
                Runner runner = runner(BatchedBackfill.class);
                runner.upgrade(c, "b2");
                assertEquals("0", query(c, "SELECT count(*) FROM t1 WHERE v > 0"));
                assertEquals(List.of("b2"), runner.current(c));
            }
        }

        @Test
        @DisplayName("says which statements stay applied after a failure, and runs again once fixed")
        void failsHonestly(TestDatabase db) throws SQLException {
            try (Connection c = db.connect()) {
                Runner runner = runner(TwoConcurrentIndexes.class);
                runner.upgrade(c, "a1");
                TwoConcurrentIndexes.failSecond = true;
                MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> runner.upgrade(c, "b2"));
                assertEquals(MigrationFailedException.Aftermath.NOT_TRANSACTIONAL, e.aftermath());
                assertTrue(e.getMessage().contains("1 statement of it completed and stays applied:\n"
                        + "    CREATE INDEX CONCURRENTLY ix_t1_id ON t1 (id);")
                        && e.getMessage().contains("The version table still records revision a1"), e.getMessage());
                assertFalse(e.getMessage().contains("rolled back, nothing"), e.getMessage());
                assertEquals("ix_t1_id", indexes(c));
                assertEquals(List.of("a1"), runner.current(c));

                TwoConcurrentIndexes.failSecond = false;
                MigrationFailedException again = assertThrows(MigrationFailedException.class, () -> runner.upgrade(c, "b2"));
                assertTrue(again.getMessage().contains("already exists")
                        && again.getMessage().contains("If an earlier, interrupted run of this revision built it")
                        && again.getMessage().contains("DROP INDEX CONCURRENTLY ix_t1_id;"), again.getMessage());
            }
        }

        @Test
        @DisplayName("rebuilds an index that a killed CREATE INDEX CONCURRENTLY left INVALID")
        void rebuildsInvalidIndex(TestDatabase db) throws Exception {
            TwoConcurrentIndexes.failSecond = false;
            List<String> notices = Collections.synchronizedList(new ArrayList<>());
            Runner runner = runner(TwoConcurrentIndexes.class, notices);
            try (Connection c = db.connect(); Connection writer = db.connect(); Connection admin = db.connect()) {
                runner.upgrade(c, "a1");
                // An open writing transaction makes the concurrent build wait after it has created the index entry.
                writer.setAutoCommit(false);
                try (Statement st = writer.createStatement()) {
                    st.execute("INSERT INTO t1 VALUES (0, 0)");
                }
                int pid = pid(c);
                CompletableFuture<Void> upgrade = CompletableFuture.runAsync(() -> runner.upgrade(c, "b2"));
                waitUntil(admin, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid
                        + " AND query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'");
                query(admin, "SELECT pg_terminate_backend(" + pid + ")");
                Exception killed = assertThrows(Exception.class, () -> upgrade.get(30, TimeUnit.SECONDS));
                assertTrue(killed.getMessage().contains("terminat") || killed.getCause() != null, killed.toString());
                writer.rollback();
                assertEquals("ix_t1_id false", query(admin, "SELECT string_agg(c.relname || ' ' || i.indisvalid, ',') "
                        + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 't1'::regclass"));
            }
            try (Connection c = db.connect()) {
                runner.upgrade(c, "b2");
                assertEquals(List.of("b2"), runner.current(c));
                assertEquals("ix_t1_id true,ix_t1_v true", query(c, "SELECT string_agg(c.relname || ' ' "
                        + "|| i.indisvalid, ',' ORDER BY c.relname) FROM pg_index i JOIN pg_class c ON c.oid = "
                        + "i.indexrelid WHERE i.indrelid = 't1'::regclass"));
                assertEquals(1, notices.size(), notices.toString());
                assertTrue(notices.get(0).contains("Index ix_t1_id on t1 is INVALID"), notices.toString());
            }
        }
    }

    private static int pid(Connection c) throws SQLException {
        return Integer.parseInt(query(c, "SELECT pg_backend_pid()"));
    }

    private static void waitUntil(Connection c, String countQuery) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"1".equals(query(c, countQuery))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + countQuery);
            }
            Thread.sleep(20);
        }
    }

    private static String tables(Connection c, String name) throws SQLException {
        return query(c, "SELECT coalesce(string_agg(tablename, ','), '') FROM pg_tables WHERE tablename = '" + name + "'");
    }

    private static String indexes(Connection c) throws SQLException {
        return query(c, "SELECT coalesce(string_agg(indexname, ',' ORDER BY indexname), '') FROM pg_indexes "
                + "WHERE tablename = 't1'");
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
