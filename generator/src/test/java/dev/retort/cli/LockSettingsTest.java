package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** lock_timeout, lock_retries and lock_retry_delay from retort.yaml and the command line. */
@ExtendWith(FreshDatabase.class)
@DisplayName("Waiting for locks")
class LockSettingsTest {

    @Test
    @DisplayName("upgrade retries a revision that gave up on a lock, says who held it, and stops at the revision before")
    void retriesAndNamesTheHolder(TestDatabase db) throws Exception {
        try (Project p = Project.create(db)) {
            Chain.write(p);
            p.writeConfigWithUrl(db.url(), "lock_timeout: 300ms\nlock_retries: 1\nlock_retry_delay: 50ms\n");
            assertEquals(0, p.run("upgrade", Chain.R2).exit());
            try (Connection report = db.connect()) {
                try (Statement st = report.createStatement()) {
                    st.execute("SET application_name = 'report-job'");
                }
                report.setAutoCommit(false);
                int pid;
                try (Statement st = report.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT pg_backend_pid() FROM (SELECT count(*) FROM entries) e")) {
                    rs.next();
                    pid = rs.getInt(1);
                }
                Cli.Result r = p.run("upgrade");
                assertEquals(2, r.exit(), r::toString);
                assertTrue(r.err().contains("  Gave up waiting for a lock (attempt 1 of 2); held by pid " + pid
                        + " (user ") && r.err().contains("application 'report-job', idle in transaction")
                        && r.err().contains("running it again in 50 ms..."), r.err());
                assertTrue(r.err().contains("longer than lock_timeout (300 ms) on each of 2 attempts: pid " + pid)
                        && r.err().contains("pg_terminate_backend(" + pid + ")"), r.err());
                assertEquals(Chain.R2, p.run("current").out().strip(), "the database remains at the revision before");
                report.rollback();
            }
            Cli.Result free = p.run("upgrade");
            assertEquals(0, free.exit(), free::toString);
            assertFalse(free.err().contains("Gave up"), free.err());
        }
    }

    @Test
    @DisplayName("--lock-timeout beats retort.yaml, offline scripts carry it, and bad values are refused naming the key")
    void optionsAndErrors(TestDatabase db) {
        try (Project p = Project.create(db)) {
            Chain.write(p);
            p.writeConfigWithUrl(db.url(), "lock_timeout: 5s\n");
            Cli.Result script = p.run("upgrade", "--sql", "--lock-timeout", "250ms", "base:" + Chain.R1);
            assertEquals(0, script.exit(), script::toString);
            assertTrue(script.out().contains("BEGIN;\n\nSET LOCAL lock_timeout = '250ms';\n\n"), script.out());
            assertTrue(p.run("upgrade", "--sql", "base:" + Chain.R1).out().contains("SET LOCAL lock_timeout = '5000ms'"));

            Cli.Result option = p.run("upgrade", "--lock-timeout", "5 sec");
            assertEquals(2, option.exit());
            assertTrue(option.err().contains("--lock-timeout is '5 sec'; give a positive duration such as 5s"),
                    option.err());
            p.writeConfigWithUrl(db.url(), "lock_retries: -1\n");
            Cli.Result retries = p.run("upgrade");
            assertEquals(2, retries.exit());
            assertTrue(retries.err().contains("retort.yaml: lock_retries is -1; give 0 or more."), retries.err());
        }
    }

    @Test
    @DisplayName("with lock_timeout in retort.yaml, lint counts every revision as having one")
    void lintKnowsTheRunnerSetsIt(TestDatabase db) {
        try (Project p = Project.create(db)) {
            Chain.write(p);
            assertTrue(p.run("lint", Chain.R4).out().contains("missing-lock-timeout"));
            p.writeConfigWithUrl(db.url(), "lock_timeout: 5s\n");
            Cli.Result r = p.run("lint", Chain.R4);
            assertFalse(r.out().contains("missing-lock-timeout"), r.out());
            assertTrue(r.out().contains("index-not-concurrent"), r.out());
        }
    }
}
