package dev.retort.journal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.util.List;
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
        List<LoadedRevision> chain = Journal.chain();
        LoadedRevision head = chain.get(chain.size() - 1);
        Journal.Result heads = Journal.retort(db, "heads");
        assertEquals(head.id() + " (head), " + head.message() + "\n", heads.out(), heads::toString);
        StringBuilder newestFirst = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            LoadedRevision s = chain.get(i);
            newestFirst.append(s.parents().isEmpty() ? "<base>" : String.join(", ", s.parents()))
                    .append(" -> ").append(s.id()).append(s == head ? " (head)" : "")
                    .append(", ").append(s.message()).append('\n');
        }
        Journal.Result history = Journal.retort(db, "history");
        assertEquals(newestFirst.toString(), history.out(), history::toString);

        assertEquals("", Journal.retort(db, "current").out(), "a fresh database is at base");
        LoadedRevision middle = chain.get(chain.size() / 2);
        String prefix = uniquePrefix(chain, middle);
        assertEquals(0, Journal.retort(db, "upgrade", prefix).exit());
        assertEquals(middle.id() + "\n", Journal.retort(db, "current").out());
        Journal.Result verbose = Journal.retort(db, "current", "--verbose");
        assertTrue(verbose.out().contains("Database: " + db.url().split("\\?")[0])
                && verbose.out().contains("environment 'test'") && verbose.out().contains(middle.message()), verbose::toString);
    }

    /** The shortest prefix of at least four characters that names {@code revision} alone in {@code chain}. */
    private static String uniquePrefix(List<LoadedRevision> chain, LoadedRevision revision) {
        for (int length = 4; ; length++) {
            String prefix = revision.id().substring(0, length);
            if (chain.stream().filter(s -> s.id().startsWith(prefix)).count() == 1) {
                return prefix;
            }
        }
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
