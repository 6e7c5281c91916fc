package dev.retort.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.hibernate.HibernateOracle;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.TestDatabase;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retort on real projects' compiled entities (see {@code corpus.yaml}), each held against the catalog Hibernate
 * itself creates for the same classes: (a) zero-diff on Hibernate's own schema, (b) a baseline generated against
 * an empty database and applied, (c) evolution from one released version to the next with rows in the tables,
 * and back. Catalogs are compared in their stored text ({@link CatalogSnapshot}), not up to Retort's own
 * equivalence.
 */
@DisplayName("The real-world corpus")
class RealWorldTest {

    private static final String VERSION_TABLE = "retort_version";

    /** Hibernate's catalog per version, read once: several tests hold against it. */
    private static final Map<Corpus.Version, CatalogSnapshot> HIBERNATE = new ConcurrentHashMap<>();

    static Stream<Corpus.Version> versions() {
        return Corpus.versions().stream();
    }

    static Stream<Corpus.Project> projects() {
        return Corpus.projects().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    @DisplayName("(a) check finds nothing to do on the schema Hibernate created")
    void zeroDiff(Corpus.Version version) {
        try (TestDatabase db = fresh(version.project()); Workspace ws = new Workspace(db)) {
            hibernateCreates(version, db);
            ws.use(version);
            Workspace.Result check = ws.run("check");
            assertEquals(0, check.exit(), check::toString);
            assertEquals("No changes detected.\n", check.out(), check::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    @DisplayName("(b) a baseline generated against an empty database upgrades to Hibernate's catalog")
    void baseline(Corpus.Version version) {
        try (TestDatabase db = fresh(version.project()); Workspace ws = new Workspace(db)) {
            ws.use(version);
            generateAndUpgrade(ws, "baseline " + version);
            assertCatalog(hibernate(version), db, "after the baseline of " + version);
            assertClean(ws);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    @DisplayName("(c) evolution: each version to the next with rows, Hibernate's catalog, and back with the rows")
    void evolution(Corpus.Project project) throws SQLException {
        List<Corpus.Version> versions = project.resolved();
        try (TestDatabase db = fresh(project); Workspace ws = new Workspace(db)) {
            ws.use(versions.get(0));
            generateAndUpgrade(ws, "baseline " + versions.get(0));
            for (int i = 1; i < versions.size(); i++) {
                Corpus.Version from = versions.get(i - 1);
                Corpus.Version to = versions.get(i);
                Seeder seeder;
                Map<String, Map<String, String>> before;
                try (Connection c = db.connect()) {
                    seeder = Seeder.seed(c, Set.of(VERSION_TABLE, VERSION_TABLE + "_history"));
                    before = seeder.dump(c, seeder.seeded());
                }
                assertTrue(seeder.seeded().size() * 2 >= seeder.seeded().size() + seeder.skipped().size(),
                        () -> "fewer than half the tables of " + from + " took a row: " + seeder.skipped());

                ws.use(to);
                Workspace.Result check = ws.run("check", "--format", "json");
                assertEquals(1, check.exit(), () -> "check of " + from + " against " + to + "\n" + check);
                Set<String> cleared = clearTablesThatMustBeFilledFirst(db, seeder, check.out(), before);
                System.out.printf("corpus %s -> %s: %d tables seeded, %d left empty %s, %d emptied first %s%n", from,
                        to.version(), seeder.seeded().size(), seeder.skipped().size(), seeder.skipped(), cleared.size(),
                        cleared);

                generateAndUpgrade(ws, from + " to " + to);
                assertCatalog(hibernate(to), db, "after upgrading " + from + " to " + to);
                assertClean(ws);
                Map<String, Map<String, String>> upgraded;
                try (Connection c = db.connect()) {
                    upgraded = seeder.dump(c, before.keySet());
                }
                assertRowsSurvive(before, upgraded, "upgrading " + from + " to " + to);

                Workspace.Result down = ws.run("downgrade", "-1");
                assertEquals(0, down.exit(), () -> "downgrade from " + to + " to " + from + "\n" + down);
                assertCatalog(hibernate(from), db, "after downgrading " + to + " to " + from);
                Map<String, Map<String, String>> downgraded;
                try (Connection c = db.connect()) {
                    downgraded = seeder.dump(c, before.keySet());
                }
                assertRowsSurvive(before, withoutColumnsMissingFrom(downgraded, upgraded),
                        "downgrading " + to + " to " + from);

                Workspace.Result again = ws.run("upgrade", "head");
                assertEquals(0, again.exit(), () -> "upgrade to " + to + " after the downgrade\n" + again);
                assertCatalog(hibernate(to), db, "after upgrading " + from + " to " + to + " a second time");
            }
        }
    }

    /**
     * Where the change adds a NOT NULL column without a default (or sets one NOT NULL), the warning tells the user
     * to fill those rows first; this test empties them instead (with the rows that reference them), as the
     * simplest way to follow it, and keeps the rest.
     */
    private static Set<String> clearTablesThatMustBeFilledFirst(TestDatabase db, Seeder seeder, String checkJson,
                                                         Map<String, Map<String, String>> before) {
        Set<String> clear = new LinkedHashSet<>();
        try {
            for (JsonNode warning : new ObjectMapper().readTree(checkJson).path("warnings")) {
                if (warning.path("kind").asText().equals("not-null-without-default")) {
                    String table = warning.path("table").asText();
                    clear.add(table);
                    clear.addAll(seeder.dependentsOf(table));
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("check --format json printed no JSON:\n" + checkJson, e);
        }
        List<String> order = new ArrayList<>(seeder.seeded());
        java.util.Collections.reverse(order);
        for (String table : order) {
            if (clear.contains(table)) {
                db.execute("DELETE FROM public.\"" + table + "\"");
                before.remove(table);
            }
        }
        return clear;
    }

    /** Drops from each row the columns {@code reference} no longer has (removed by the change, re-created empty). */
    private static Map<String, Map<String, String>> withoutColumnsMissingFrom(Map<String, Map<String, String>> rows,
                                                                            Map<String, Map<String, String>> reference) {
        Map<String, Map<String, String>> kept = new TreeMap<>();
        rows.forEach((table, row) -> {
            Map<String, String> r = new TreeMap<>(row);
            Map<String, String> ref = reference.get(table);
            if (ref != null) {
                r.keySet().retainAll(ref.keySet());
            }
            kept.put(table, r);
        });
        return kept;
    }

    /** Every seeded row is still there, with every value in the columns it still has. */
    private static void assertRowsSurvive(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after,
                                          String what) {
        List<String> lost = new ArrayList<>();
        before.forEach((table, row) -> {
            Map<String, String> now = after.get(table);
            if (now == null) {
                return; // the table is gone in this version: its rows with it, by the model's own change
            }
            row.forEach((column, value) -> {
                if (now.containsKey(column) && !java.util.Objects.equals(value, now.get(column))) {
                    lost.add(table + "." + column + ": " + value + " -> " + now.get(column));
                }
            });
        });
        assertEquals(List.of(), lost, "values changed by " + what);
    }

    private static void generateAndUpgrade(Workspace ws, String message) {
        Workspace.Result generate = ws.run("generate", message);
        assertEquals(0, generate.exit(), () -> "generate " + message + "\n" + generate);
        Workspace.Result upgrade = ws.run("upgrade", "head");
        assertEquals(0, upgrade.exit(), () -> "upgrade " + message + "\n" + upgrade);
    }

    private static void assertClean(Workspace ws) {
        Workspace.Result check = ws.run("check");
        assertEquals(0, check.exit(), check::toString);
        assertEquals("No changes detected.\n", check.out(), check::toString);
    }

    private static void assertCatalog(CatalogSnapshot expected, TestDatabase db, String when) {
        CatalogSnapshot actual = db.snapshot().withoutRetort(VERSION_TABLE);
        assertEquals(expected.toString(), actual.toString(), () -> "catalog " + when + ": missing " + expected.linesNotIn(actual)
                + "; unexpected " + actual.linesNotIn(expected));
    }

    /**
     * A fresh database with what the project's own deployment puts there before Hibernate runs ({@code init} in
     * corpus.yaml: the SQL domains a project's {@code columnDefinition}s name, say).
     */
    private static TestDatabase fresh(Corpus.Project project) {
        TestDatabase db = TestDatabase.create();
        if (!project.init().isEmpty()) {
            db.execute(project.init().toArray(String[]::new));
        }
        return db;
    }

    /** Lets Hibernate create {@code version}'s schema in {@code db} and checks the corpus is all there. */
    private static void hibernateCreates(Corpus.Version version, TestDatabase db) {
        try (URLClassLoader loader = version.classLoader()) {
            List<Class<?>> classes = version.mappedClasses(loader);
            assertEquals(version.expectedEntities(), Corpus.Version.entityCount(classes),
                    () -> "@Entity classes of " + version + " in " + version.project().packages());
            HibernateOracle.create(db, loader, classes, version.project().naming().physical(),
                    version.project().naming().implicit(), version.project().settings());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        HIBERNATE.putIfAbsent(version, db.snapshot());
    }

    private static CatalogSnapshot hibernate(Corpus.Version version) {
        CatalogSnapshot known = HIBERNATE.get(version);
        if (known == null) {
            try (TestDatabase db = fresh(version.project())) {
                hibernateCreates(version, db);
            }
        }
        return HIBERNATE.get(version);
    }
}
