package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("A chain of five migrations")
class ChainTest {

    private static Project project(TestDatabase db) {
        Project p = Project.create(db);
        Chain.write(p);
        return p;
    }

    private static Cli.Result ok(Cli.Result r) {
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private static String current(Project p) {
        return ok(p.run("current")).out().strip();
    }

    @Test
    @DisplayName("upgrades one step at a time with +1, then refuses to go past the head")
    void upgradesStepByStep(TestDatabase db) {
        try (Project p = project(db)) {
            for (int i = 0; i < Chain.ALL.size(); i++) {
                Cli.Result r = ok(p.run("upgrade", "+1"));
                String from = i == 0 ? "<base>" : Chain.ALL.get(i - 1);
                assertTrue(r.err().contains("Running upgrade " + from + " -> " + Chain.ALL.get(i)), r::toString);
                assertTrue(current(p).startsWith(Chain.ALL.get(i)), () -> current(p));
            }
            CatalogSnapshot stepwise = db.snapshot();
            Cli.Result beyond = p.run("upgrade", "+1");
            assertEquals(2, beyond.exit(), beyond::toString);
            assertTrue(beyond.err().contains("past the head"), beyond::toString);
            assertEquals(stepwise, db.snapshot());

            ok(p.run("downgrade", "base"));
            ok(p.run("upgrade", "head"));
            assertEquals(stepwise, db.snapshot(), "upgrading at once gives the same catalog as step by step");
        }
    }

    @Test
    @DisplayName("upgrades to head at once, printing each step in order, and downgrades to base leaving no trace")
    void upgradesAtOnceAndDowngradesToBase(TestDatabase db) {
        try (Project p = project(db)) {
            CatalogSnapshot empty = db.snapshot();
            Cli.Result up = ok(p.run("upgrade"));
            assertEquals(List.of(
                    "Running upgrade <base> -> 1a2b3c4d5e6f, create users",
                    "Running upgrade 1a2b3c4d5e6f -> 2b3c4d5e6f7a, create entries",
                    "Running upgrade 2b3c4d5e6f7a -> 3c4d5e6f7a8b, add entry body",
                    "Running upgrade 3c4d5e6f7a8b -> 4d5e6f7a8b9c, index entry titles",
                    "Running upgrade 4d5e6f7a8b9c -> 5e6f7a8b9c0d, create tags"), up.err().lines().toList());
            assertEquals("5e6f7a8b9c0d (head)", current(p));
            CatalogSnapshot head = db.snapshot();
            assertTrue(head.has("table tags") && head.has("index CREATE INDEX ix_entries_title"), head::toString);

            assertEquals("", ok(p.run("upgrade")).err(), "a second upgrade has nothing to do and says nothing");

            Cli.Result down = ok(p.run("downgrade", "base"));
            assertEquals(5, down.err().lines().filter(l -> l.startsWith("Running downgrade")).count(), down::toString);
            assertTrue(down.err().contains("Running downgrade 1a2b3c4d5e6f -> <base>, create users"), down::toString);
            assertEquals("", current(p));
            assertEquals(empty, db.snapshot().withoutRetort("retort_version"));
        }
    }

    @Test
    @DisplayName("moves by -N, by revision id prefix and by REV+N")
    void movesRelativelyAndByPrefix(TestDatabase db) {
        try (Project p = project(db)) {
            ok(p.run("upgrade"));
            ok(p.run("downgrade", "-2"));
            assertEquals(Chain.R3, current(p));
            ok(p.run("downgrade", "1a2b"));
            assertEquals(Chain.R1, current(p));
            ok(p.run("upgrade", "3c4"));
            assertEquals(Chain.R3, current(p));
            ok(p.run("upgrade", "+1"));
            assertEquals(Chain.R4, current(p));
            ok(p.run("downgrade", "2b3c4d5e6f7a"));
            assertEquals(Chain.R2, current(p));
            ok(p.run("upgrade", "2b3c+2"));
            assertEquals(Chain.R4, current(p));
            assertFalse(db.snapshot().has("table tags"), "R5 is not applied");
            Cli.Result tooFar = p.run("downgrade", "-5");
            assertEquals(2, tooFar.exit(), tooFar::toString);
            assertTrue(tooFar.err().contains("below base"), tooFar::toString);
            ok(p.run("downgrade", "-4"));
            assertEquals("", current(p));
        }
    }

    @Test
    @DisplayName("stamps a revision without running migrations, and back to base")
    void stamps(TestDatabase db) {
        try (Project p = project(db)) {
            Cli.Result r = ok(p.run("stamp", "head"));
            assertTrue(r.err().contains("Stamped " + Chain.R5), r::toString);
            assertEquals(Chain.R5 + " (head)", current(p));
            assertFalse(db.snapshot().has("table users"), "stamp runs no migration");
            ok(p.run("stamp", "3c4d"));
            assertEquals(Chain.R3, current(p));
            ok(p.run("stamp", "base"));
            assertEquals("", current(p));
            ok(p.run("upgrade", "+2"));
            assertEquals(Chain.R2, current(p));
            assertTrue(db.snapshot().has("table entries"));
        }
    }

    @Test
    @DisplayName("prints history, heads and current like Alembic")
    void printsHistoryHeadsAndCurrent(TestDatabase db) {
        try (Project p = project(db)) {
            assertEquals("""
                    4d5e6f7a8b9c -> 5e6f7a8b9c0d (head), create tags
                    3c4d5e6f7a8b -> 4d5e6f7a8b9c, index entry titles
                    2b3c4d5e6f7a -> 3c4d5e6f7a8b, add entry body
                    1a2b3c4d5e6f -> 2b3c4d5e6f7a, create entries
                    <base> -> 1a2b3c4d5e6f, create users
                    """, ok(p.run("history")).out());
            assertEquals("""
                    3c4d5e6f7a8b -> 4d5e6f7a8b9c, index entry titles
                    2b3c4d5e6f7a -> 3c4d5e6f7a8b, add entry body
                    """, ok(p.run("history", "-r", "3c4d:4d5e")).out());
            assertEquals("5e6f7a8b9c0d (head), create tags\n", ok(p.run("heads")).out());
            String verbose = ok(p.run("history", "--verbose", "-r", "base:1a2b")).out();
            assertTrue(verbose.contains("Rev: 1a2b3c4d5e6f") && verbose.contains("Parent: <base>")
                    && verbose.contains("V1a2b3c4d5e6f.java") && verbose.contains("    create users"), verbose);

            ok(p.run("upgrade", "+3"));
            assertEquals(Chain.R3, current(p));
            String currentVerbose = ok(p.run("current", "--verbose")).out();
            assertTrue(currentVerbose.contains("Rev: 3c4d5e6f7a8b") && currentVerbose.contains("add entry body"),
                    currentVerbose);
            assertFalse(currentVerbose.contains("password"), currentVerbose);

            String show = ok(p.run("show", "4d5e")).out();
            assertTrue(show.contains("Upgrade:\n    create index ix_entries_title on entries [title]"), show);
            assertTrue(show.contains("Downgrade:\n    drop index ix_entries_title on entries"), show);
        }
    }

    @Test
    @DisplayName("merges two branches into one head, and walks through the merge both ways")
    void mergesTwoBranches(TestDatabase db) throws Exception {
        try (Project p = project(db)) {
            p.migration("aaaa11112222", List.of(Chain.R5), "feature a",
                    "op.addColumn(\"tags\", Column.of(\"color\", \"varchar(7)\"));",
                    "op.dropColumn(\"tags\", \"color\");");
            p.migration("bbbb11112222", List.of(Chain.R5), "feature b",
                    "op.addColumn(\"entries\", Column.of(\"mood\", \"smallint\"));",
                    "op.dropColumn(\"entries\", \"mood\");");
            assertEquals("aaaa11112222 (head), feature a\nbbbb11112222 (head), feature b\n", ok(p.run("heads")).out());
            assertEquals("""
                    5e6f7a8b9c0d (branchpoint), create tags
                                 -> aaaa11112222 (head), feature a
                                 -> bbbb11112222 (head), feature b
                    """, ok(p.run("branches")).out());

            CatalogSnapshot before = db.snapshot();
            Cli.Result refused = p.run("upgrade");
            assertEquals(2, refused.exit(), refused::toString);
            assertTrue(refused.err().contains("2 heads") && refused.err().contains("aaaa11112222")
                    && refused.err().contains("bbbb11112222"), refused::toString);
            assertEquals(before, db.snapshot(), "nothing applied when the target is ambiguous");

            ok(p.run("upgrade", "heads"));
            assertEquals("aaaa11112222 (head)\nbbbb11112222 (head)", current(p));

            Cli.Result merge = ok(p.run("merge", "heads", "-m", "merge features", "--rev-id", "cccc11112222"));
            Path file = p.migrationsDir().resolve("Vcccc11112222_merge_features.java");
            assertTrue(merge.out().contains(file.toString()), merge::toString);
            String source = Files.readString(file);
            assertTrue(source.contains("parent = {\"aaaa11112222\", \"bbbb11112222\"}"), source);
            assertTrue(source.contains("created = \"2026-11-24T10:15:00Z\""), source);

            assertEquals("cccc11112222 (head) (mergepoint), merge features\n", ok(p.run("heads")).out());
            Cli.Result up = ok(p.run("upgrade"));
            assertTrue(up.err().contains("Running upgrade (aaaa11112222, bbbb11112222) -> cccc11112222, merge features"),
                    up::toString);
            assertEquals("cccc11112222 (head) (mergepoint)", current(p));

            ok(p.run("downgrade", "-1"));
            assertEquals("aaaa11112222\nbbbb11112222", current(p), "undoing the merge leaves both branches");
            ok(p.run("downgrade", "bbbb11112222-1"));
            assertEquals("aaaa11112222", current(p), "undoing branch b keeps branch a");
            assertFalse(db.snapshot().has("column entries.mood"));
            assertTrue(db.snapshot().has("column tags.color"));
        }
    }
}
