package dev.retort.journal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stairway: from base up one revision at a time to head, then down one at a time to base, along the chain
 * the migrations folder holds ({@link Journal#chain()}). After every step the catalog must be exactly what that
 * revision holds, as recorded in {@code src/test/resources/stairway/<revision>.txt} (one line per object, from
 * PostgreSQL's own catalog functions), and each step down must give back exactly the catalog the same revision
 * had on the way up. A migration edited after the fact, or a downgrade that does not undo its upgrade, fails here.
 * After a deliberate schema change, rewrite the files with {@code -Dstairway.record=true} and review the diff.
 *
 * <p>A revision without a recorded schema (one just written by {@code retort generate}, as in the README's tour)
 * is checked less strictly: only that stepping down to it gives back what stepping up to it built, and, when it is
 * the head, that {@code check} is clean ({@link HeadTest} compares the head with Hibernate's own schema). Record
 * it to check it fully.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("The journal migrations, step by step")
class StairwayTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "stairway");
    private static final boolean RECORD = Boolean.getBoolean("stairway.record");

    @Test
    @DisplayName("go up one revision at a time and down again, each step holding exactly its revision's schema")
    void stairway(TestDatabase db) throws Exception {
        List<LoadedRevision> chain = Journal.chain();
        assertEquals(Journal.ids(chain), history(db), "history lists the chain of the migrations folder, base first");
        List<List<String>> up = new ArrayList<>();
        for (LoadedRevision revision : chain) {
            Journal.Result step = Journal.retort(db, "upgrade", "+1");
            assertEquals(0, step.exit(), step::toString);
            assertTrue(step.err().contains("-> " + revision.id() + ", " + revision.message()), step::toString);
            up.add(assertAt(db, revision.id()));
        }
        Journal.Result clean = Journal.retort(db, "check");
        assertEquals(0, clean.exit(), clean::toString);
        assertEquals("No changes detected.\n", clean.out());

        for (int i = chain.size() - 1; i >= 1; i--) {
            Journal.Result down = Journal.retort(db, "downgrade", "-1");
            assertEquals(0, down.exit(), down::toString);
            String revision = chain.get(i - 1).id();
            assertEquals(String.join("\n", up.get(i - 1)), String.join("\n", assertAt(db, revision)),
                    "downgrading " + chain.get(i).id() + " gives back the schema " + revision + " had on the way up");
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
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The database is at {@code revision} and, where a schema is recorded for it, holds exactly that; returns the
     * catalog's lines. Without a recording (a revision newer than the stairway's files) only the first holds: the
     * caller's round-trip comparison and the clean {@code check} at head are then what checks it.
     */
    private static List<String> assertAt(TestDatabase db, String revision) throws IOException {
        Journal.Result current = Journal.retort(db, "current");
        assertEquals(revision, current.out().strip().split(" ")[0], current::toString);
        List<String> actual = db.snapshot().without("retort_version").lines();
        Path file = GOLDEN.resolve(revision + ".txt");
        if (RECORD) {
            Files.createDirectories(GOLDEN);
            Files.write(file, actual);
        }
        if (Files.exists(file)) {
            assertEquals(String.join("\n", Files.readAllLines(file)), String.join("\n", actual),
                    "schema at revision " + revision + " (one line per object; the differing lines show where)");
        }
        return actual;
    }
}
