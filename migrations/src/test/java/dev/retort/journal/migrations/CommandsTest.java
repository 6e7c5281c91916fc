package dev.retort.journal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("The journal's test environment")
class CommandsTest {

    @Test
    @DisplayName("current, history and heads print the journal's revisions; the database comes from JOURNAL_TEST_URL")
    void printsRevisions(TestDatabase db) {
        Journal.Result heads = Journal.retort(db, "heads");
        assertEquals("f0d46199a2a9 (head), add reminder index\n", heads.out(), heads::toString);
        Journal.Result history = Journal.retort(db, "history");
        assertEquals("""
                1eca9347b8fd -> f0d46199a2a9 (head), add reminder index
                24e050a39a94 -> 1eca9347b8fd, monitoring
                8f6479aa0662 -> 24e050a39a94, opaque sessions
                37c238375f68 -> 8f6479aa0662, encryption tables
                425561e8f624 -> 37c238375f68, reminders
                <base> -> 425561e8f624, baseline core tables
                """, history.out(), history::toString);

        assertEquals("", Journal.retort(db, "current").out(), "a fresh database is at base");
        assertEquals(0, Journal.retort(db, "upgrade", "24e0").exit());
        assertEquals("24e050a39a94\n", Journal.retort(db, "current").out());
        Journal.Result verbose = Journal.retort(db, "current", "--verbose");
        assertTrue(verbose.out().contains("Database: " + db.url().split("\\?")[0])
                && verbose.out().contains("environment 'test'") && verbose.out().contains("opaque sessions"), verbose::toString);
    }

    @Test
    @DisplayName("the test environment needs its variable set: a wrong JOURNAL_TEST_URL is what it connects to")
    void environmentVariableDecides(TestDatabase db) {
        Journal.Result wrong = Journal.retort(db, Map.of("JOURNAL_TEST_URL", "jdbc:postgresql://127.0.0.1:1/journal_test"),
                "current");
        assertEquals(2, wrong.exit(), wrong::toString);
        assertTrue(wrong.err().contains("127.0.0.1:1") && wrong.err().contains("environment 'test'"), wrong::toString);
    }
}
