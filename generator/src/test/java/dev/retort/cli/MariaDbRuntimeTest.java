package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.MariaDb;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime on MariaDB, from the command line: every DDL statement commits by itself there, so a revision that
 * fails (or whose process is killed) half way leaves a record saying which revision stopped, what of it ran and
 * the statements that undo it; upgrades and downgrades are refused until {@code repair} or {@code stamp}.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("The runtime on MariaDB")
class MariaDbRuntimeTest {

    static final String R1 = "1a2b3c4d5e6f";
    static final String R2 = "2b3c4d5e6f7a";

    private static void first(Project p) {
        p.migration(R1, List.of(), "create reminders",
                """
                op.createTable("reminders",
                        Column.of("id", "bigint").notNull().withIdentity(Identity.generatedByDefault()),
                        Column.of("title", "varchar(200)").notNull(),
                        PrimaryKey.of("reminders_pkey", "id"));""",
                "op.dropTable(\"reminders\");");
    }

    @Test
    @DisplayName("upgrade, current, history and downgrade work end to end, and downgrade to base leaves nothing")
    void endToEnd(@MariaDb TestDatabase db) {
        try (Project p = Project.create(db)) {
            first(p);
            p.migration(R2, List.of(R1), "add due date",
                    """
                    op.addColumn("reminders", Column.of("due_at", "datetime(6)"));
                    op.createIndex("reminders", Index.of("ix_reminders_due", "due_at"));""",
                    """
                    op.dropIndex("reminders", "ix_reminders_due");
                    op.dropColumn("reminders", "due_at");""");
            p.expect(0, "upgrade");
            assertEquals(R2 + " (head)", p.run("current").out().strip());
            CatalogSnapshot at = db.snapshot().withoutRetort("retort_version");
            assertTrue(at.has("column reminders.id bigint(20) not null auto_increment")
                    && at.has("column reminders.due_at datetime(6) null")
                    && at.has("index reminders.ix_reminders_due BTREE (due_at)"), at::toString);
            String history = p.expect(0, "history").out();
            assertTrue(history.contains(R1) && history.contains(R2), history);

            p.expect(0, "downgrade", R1);
            assertFalse(db.snapshot().has("column reminders.due_at"));
            p.expect(0, "downgrade", "base");
            assertTrue(db.snapshot().withoutRetort("retort_version").isEmpty(), db.snapshot()::toString);
            assertEquals("", p.run("current").out().strip());
        }
    }

    @Test
    @DisplayName("sql base:head, run by the mariadb client, gives the catalog upgrade gives, and says DDL is not atomic")
    void offlineScript(@MariaDb TestDatabase db) throws Exception {
        try (Project p = Project.create(db); TestDatabase scripted = TestDatabase.createMariaDb()) {
            first(p);
            p.migration(R2, List.of(R1), "add due date",
                    """
                    op.addColumn("reminders", Column.of("due_at", "datetime(6)"));
                    op.createIndex("reminders", Index.of("ix_reminders_due", "due_at"));""",
                    """
                    op.dropIndex("reminders", "ix_reminders_due");
                    op.dropColumn("reminders", "due_at");""");
            Cli.Result script = p.cli().run("--url", "jdbc:mariadb://127.0.0.1:1/unreachable", "sql", "base:head");
            assertEquals(0, script.exit(), script::toString);
            assertTrue(script.out().contains("-- MariaDB commits each DDL statement on its own")
                    && !script.out().contains("START TRANSACTION;\n\nCREATE TABLE `reminders`"), script.out());
            Process client = new ProcessBuilder("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", "root",
                    scripted.name()).redirectErrorStream(true).start();
            client.getOutputStream().write(script.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            client.getOutputStream().close();
            String output = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, client.waitFor(), output);
            p.expect(0, "upgrade");
            assertEquals(db.snapshot().withoutRetort("retort_version"),
                    scripted.snapshot().withoutRetort("retort_version"));
        }
    }

    @Test
    @DisplayName("a statement failing half way leaves a record of what ran with its undo; upgrades wait for repair")
    void failingStatementHalfWay(@MariaDb TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            first(p);
            Path second = p.migration(R2, List.of(R1), "audit",
                    """
                    op.createTable("audit", Column.of("id", "bigint").notNull());
                    op.addColumn("reminders", Column.of("note", "varchar(100)"));
                    op.execute("INSERT INTO no_such_table VALUES (1)");""",
                    """
                    op.dropColumn("reminders", "note");
                    op.dropTable("audit");""");
            p.expect(0, "upgrade", R1);
            Cli.Result failed = p.expect(2, "upgrade");
            assertTrue(failed.err().contains("The upgrade of revision " + R2 + " stopped half way")
                    && failed.err().contains("2 statements of it ran")
                    && failed.err().contains("then this one failed")
                    && failed.err().contains("INSERT INTO no_such_table VALUES (1)")
                    && failed.err().contains("ALTER TABLE `reminders` DROP COLUMN `note`;")
                    && failed.err().contains("DROP TABLE `audit`;")
                    && failed.err().indexOf("DROP COLUMN `note`") < failed.err().indexOf("DROP TABLE `audit`")
                    && failed.err().contains("retort repair"), failed::toString);

            Cli.Result current = p.expect(0, "current");
            assertTrue(current.out().startsWith(R1) && current.out().contains("stopped half way")
                    && current.err().contains("stopped half way"), current::toString);
            Cli.Result refused = p.expect(2, "upgrade");
            assertTrue(refused.err().contains("stopped half way") && !refused.err().contains("already exists"),
                    refused::toString);
            Cli.Result refusedDown = p.expect(2, "downgrade", "base");
            assertTrue(refusedDown.err().contains("stopped half way"), refusedDown::toString);
            assertTrue(db.snapshot().has("table reminders"), "nothing ran while refused");

            // The user undoes what ran, as the record says, and repairs.
            db.execute("ALTER TABLE `reminders` DROP COLUMN `note`", "DROP TABLE `audit`");
            Cli.Result repaired = p.expect(0, "repair");
            assertTrue(repaired.err().contains("Cleared this record") && repaired.err().contains(R1), repaired::toString);
            assertEquals(R1, p.run("current").out().strip());
            assertTrue(p.expect(0, "repair").err().contains("Nothing to repair"));

            p.write(second, Files.readString(second).replace("op.execute(\"INSERT INTO no_such_table VALUES (1)\");", ""));
            p.expect(0, "upgrade");
            assertEquals(R2 + " (head)", p.run("current").out().strip());
            assertTrue(db.snapshot().has("column reminders.note varchar(100)"));
        }
    }

    @Test
    @DisplayName("a revision whose first statement fails leaves no record: nothing of it ran, and it can run again")
    void firstStatementFails(@MariaDb TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            first(p);
            Path second = p.migration(R2, List.of(R1), "audit",
                    """
                    op.execute("INSERT INTO no_such_table VALUES (1)");
                    op.createTable("audit", Column.of("id", "bigint").notNull());""",
                    "op.dropTable(\"audit\");");
            Cli.Result failed = p.expect(2, "upgrade");
            assertTrue(failed.err().contains("No statement of it ran; the database remains at revision " + R1)
                    && !failed.err().contains("stopped half way"), failed::toString);
            assertEquals(R1, p.run("current").out().strip());
            p.write(second, Files.readString(second).replace("op.execute(\"INSERT INTO no_such_table VALUES (1)\");", ""));
            p.expect(0, "upgrade");
            assertEquals(R2 + " (head)", p.run("current").out().strip());
        }
    }

    @Test
    @DisplayName("stamp records where a half-applied database is, and clears the record")
    void stampClearsTheRecord(@MariaDb TestDatabase db) {
        try (Project p = Project.create(db)) {
            first(p);
            p.migration(R2, List.of(R1), "audit",
                    """
                    op.createTable("audit", Column.of("id", "bigint").notNull());
                    op.execute("INSERT INTO no_such_table VALUES (1)");""",
                    "op.dropTable(\"audit\");");
            p.expect(2, "upgrade");
            p.expect(0, "stamp", R2); // the user finished the revision by hand
            assertEquals(R2 + " (head)", p.run("current").out().strip());
            assertTrue(p.expect(0, "repair").err().contains("Nothing to repair"));
            p.expect(0, "downgrade", R1);
            assertFalse(db.snapshot().has("table audit"));
        }
    }

    @Test
    @DisplayName("a process killed with kill -9 mid-revision leaves a record naming the statement that was running")
    void killedProcess(@MariaDb TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            first(p);
            Path slow = p.migration(R2, List.of(R1), "slow",
                    """
                    op.createTable("audit", Column.of("id", "bigint").notNull());
                    op.execute("SELECT SLEEP(120)");""",
                    "op.dropTable(\"audit\");");
            p.expect(0, "upgrade", R1);
            Process child = new ProcessBuilder(AtomicityTest.javaCommand("--config", p.config().toString(), "upgrade"))
                    .redirectErrorStream(true).redirectOutput(p.root().resolve("child.log").toFile()).start();
            long session = awaitSleeping(db, child);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, nothing more from the client
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            // MariaDB notices a vanished client only when it next writes to it; the operator ends the session
            db.execute("KILL " + session);

            Cli.Result current = p.expect(0, "current");
            assertTrue(current.out().startsWith(R1) && current.err().contains("1 statement of it ran")
                    && current.err().contains("the process stopped while this one ran")
                    && current.err().contains("SELECT SLEEP(120)")
                    && current.err().contains("DROP TABLE `audit`;"), current::toString);
            assertTrue(db.snapshot().has("table audit"), "the table committed before the kill stays");
            Cli.Result refused = p.expect(2, "upgrade");
            assertTrue(refused.err().contains("stopped half way"), refused::toString);

            db.execute("DROP TABLE `audit`");
            p.expect(0, "repair");
            p.write(slow, Files.readString(slow).replace("op.execute(\"SELECT SLEEP(120)\");", ""));
            p.expect(0, "upgrade");
            assertEquals(R2 + " (head)", p.run("current").out().strip());
        }
    }

    /** Waits until the child runs the SLEEP; returns its session id. */
    private static long awaitSleeping(TestDatabase db, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(child.isAlive(), "the child exited before reaching the slow step");
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
                         + "AND INFO LIKE 'SELECT SLEEP%' AND ID <> CONNECTION_ID()")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child never reached the slow step");
    }
}
