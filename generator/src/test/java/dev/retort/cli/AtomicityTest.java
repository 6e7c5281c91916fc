package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("Each revision is atomic")
class AtomicityTest {

    @Test
    @DisplayName("a migration failing half way leaves the previous revision recorded and none of its changes")
    void failingMigrationLeavesPreviousRevision(TestDatabase db) {
        try (Project p = Project.create(db)) {
            Chain.write(p);
            p.migration("6f7a8b9c0d1e", List.of(Chain.R5), "half way",
                    """
                    op.createTable("audit", Column.of("id", "bigint").notNull());
                    op.addColumn("tags", Column.of("color", "varchar(7)"));
                    op.execute("INSERT INTO no_such_table VALUES (1)");""",
                    "op.dropTable(\"audit\");");
            assertEquals(0, p.run("upgrade", Chain.R5).exit());
            CatalogSnapshot before = db.snapshot();

            Cli.Result r = p.run("upgrade");
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("Running upgrade 5e6f7a8b9c0d -> 6f7a8b9c0d1e, half way"), r::toString);
            assertTrue(r.err().contains("Upgrade of revision 6f7a8b9c0d1e (half way)")
                    && r.err().contains("V6f7a8b9c0d1e.java")
                    && r.err().contains("execute INSERT INTO no_such_table VALUES (1)")
                    && r.err().contains("relation \"no_such_table\" does not exist")
                    && r.err().contains("SQL: INSERT INTO no_such_table VALUES (1)")
                    && r.err().contains("remains at revision 5e6f7a8b9c0d"), r::toString);
            assertEquals(before, db.snapshot(), "neither the new table nor the new column survives");
            assertEquals(Chain.R5, p.run("current").out().strip());
        }
    }

    @Test
    @DisplayName("a process killed with kill -9 mid-migration leaves a consistent database that a rerun brings to head")
    void killedProcessLeavesConsistentDatabase(TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            Chain.write(p);
            Path slow = p.migration("6f7a8b9c0d1e", List.of(Chain.R5), "slow backfill",
                    """
                    op.createTable("audit", Column.of("id", "bigint").notNull());
                    op.execute("INSERT INTO audit SELECT g FROM generate_series(1, 1000) g");
                    op.execute("SELECT pg_sleep(120)");""",
                    "op.dropTable(\"audit\");");
            // Make the server notice a vanished client while it sleeps, instead of after 120 s.
            String url = db.url() + (db.url().contains("?") ? "&" : "?")
                    + "options=-c%20client_connection_check_interval%3D200";
            p.writeConfigWithUrl(url);

            Process child = new ProcessBuilder(javaCommand("--config", p.config().toString(), "upgrade"))
                    .redirectErrorStream(true).redirectOutput(p.root().resolve("child.log").toFile()).start();
            awaitSleepingMigration(db, child);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the client
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            awaitNoOtherSessions(db);

            CatalogSnapshot afterKill = db.snapshot();
            assertFalse(afterKill.has("table audit"), "the killed revision's table was rolled back");
            assertEquals(Chain.R5, p.run("current").out().strip(), "the version table holds the last committed revision");

            p.write(slow, java.nio.file.Files.readString(slow).replace("op.execute(\"SELECT pg_sleep(120)\");", ""));
            Cli.Result rerun = p.run("upgrade");
            assertEquals(0, rerun.exit(), rerun::toString);
            assertEquals("6f7a8b9c0d1e (head)", p.run("current").out().strip());
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM audit")) {
                rs.next();
                assertEquals(1000, rs.getInt(1));
            }
        }
    }

    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        assertTrue(System.getProperty("java.class.path").contains(File.pathSeparator),
                "the test class path must be the real one (surefire useManifestOnlyJar=false)");
        return cmd;
    }

    private static void awaitSleepingMigration(TestDatabase db, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(child.isAlive(), "the child exited before reaching the slow step");
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                         + " AND application_name = 'retort' AND query LIKE 'SELECT pg_sleep%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the migration never reached pg_sleep");
    }

    private static void awaitNoOtherSessions(TestDatabase db) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                         + " AND pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed runner's session never ended");
    }
}
