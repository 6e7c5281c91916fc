package dev.retort.journal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stairway: from base up one revision at a time to head, then down one at a time to base. After every
 * step the catalog must be exactly what that revision holds, as recorded in
 * {@code src/test/resources/stairway/<revision>.txt} (one line per object, from PostgreSQL's own catalog
 * functions). A migration edited after the fact, or a downgrade that does not undo its upgrade, fails here.
 * After a deliberate schema change, rewrite the files with {@code -Dstairway.record=true} and review the diff.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("The journal migrations, step by step")
class StairwayTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "stairway");
    private static final boolean RECORD = Boolean.getBoolean("stairway.record");

    @Test
    @DisplayName("go up one revision at a time and down again, each step holding exactly its revision's schema")
    void stairway(TestDatabase db) throws Exception {
        assertEquals(Journal.REVISIONS, history(db), "the chain in the repository is the one this test knows");
        for (int i = 0; i < Journal.REVISIONS.size(); i++) {
            Journal.Result up = Journal.retort(db, "upgrade", "+1");
            assertEquals(0, up.exit(), up::toString);
            assertTrue(up.err().contains("-> " + Journal.REVISIONS.get(i) + ", " + Journal.MESSAGES.get(i)), up::toString);
            assertAt(db, Journal.REVISIONS.get(i));
        }
        Journal.Result clean = Journal.retort(db, "check");
        assertEquals(0, clean.exit(), clean::toString);
        assertEquals("No changes detected.\n", clean.out());

        for (int i = Journal.REVISIONS.size() - 1; i >= 1; i--) {
            Journal.Result down = Journal.retort(db, "downgrade", "-1");
            assertEquals(0, down.exit(), down::toString);
            assertAt(db, Journal.REVISIONS.get(i - 1));
        }
        Journal.Result last = Journal.retort(db, "downgrade", "-1");
        assertEquals(0, last.exit(), last::toString);
        CatalogSnapshot base = db.snapshot();
        assertEquals(List.of("column retort_version.version_num character varying(64) not null",
                "constraint retort_version.retort_version_pkc PRIMARY KEY (version_num)",
                "index CREATE UNIQUE INDEX retort_version_pkc ON public.retort_version USING btree (version_num)",
                "table retort_version"), base.lines(), "at base nothing is left but the version table");
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM retort_version")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "and not even a revision in it");
        }
        assertEquals("", Journal.retort(db, "current").out());
    }

    private static List<String> history(TestDatabase db) {
        Journal.Result history = Journal.retort(db, "history");
        assertEquals(0, history.exit(), history::toString);
        List<String> newestFirst = history.out().lines()
                .map(l -> l.substring(l.indexOf("-> ") + 3).split("[ ,]")[0]).toList();
        List<String> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The database is at {@code revision} and holds exactly what the recorded stairway step says. */
    private static void assertAt(TestDatabase db, String revision) throws IOException {
        Journal.Result current = Journal.retort(db, "current");
        assertEquals(revision, current.out().strip().split(" ")[0], current::toString);
        List<String> actual = db.snapshot().without("retort_version").lines();
        Path file = GOLDEN.resolve(revision + ".txt");
        if (RECORD) {
            Files.createDirectories(GOLDEN);
            Files.write(file, actual);
        }
        assertTrue(Files.exists(file), "No recorded schema for revision " + revision + " at " + file.toAbsolutePath()
                + ": run this test once with -Dstairway.record=true and commit the file after reviewing it.");
        assertEquals(String.join("\n", Files.readAllLines(file)), String.join("\n", actual),
                "schema at revision " + revision + " (one line per object; the differing lines show where)");
    }
}
