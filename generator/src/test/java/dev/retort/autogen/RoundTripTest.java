package dev.retort.autogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.hibernate.HibernateOracle;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The round trip of the design: for each model change v1 → v2, a fresh database is upgraded to v1 (a migration
 * generated from the v1 entities), the change is checked and generated, and upgraded to; the catalog must then
 * be the one Hibernate itself creates for v2, {@code check} must be clean, and {@code downgrade -1} must give
 * v1's catalog back. Entity sources are compiled during the test, one class folder per model version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A model change v1 -> v2, generated and applied")
class RoundTripTest {

    private static final String V1 = "aaaaaaaaaaa1";
    private static final String V2 = "aaaaaaaaaaa2";
    private static final String V2_ONLINE = "aaaaaaaaaab2";
    /** How many cases the online pass applied, and refused: the pass must not be vacuous. */
    private static final java.util.concurrent.atomic.AtomicInteger ONLINE_APPLIED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger ONLINE_REFUSED = new java.util.concurrent.atomic.AtomicInteger();
    /** The rules about locks: online revisions must satisfy every one (drops and renames are another matter). */
    private static final Set<String> LOCK_RULES = Set.of("index-not-concurrent", "constraint-not-valid", "set-not-null",
            "type-change-rewrite", "volatile-default", "unique-constraint-direct", "missing-lock-timeout",
            "transaction-end");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    /** Per model: its class folder; per version: the catalog Hibernate creates for it. */
    private final Map<Model, Path> classes = new HashMap<>();
    private final Map<Version, CatalogSnapshot> oracles = new HashMap<>();
    /** Per v1: the generated first migration, reused by every case starting from it. */
    private final Map<Version, Baseline> baselines = new HashMap<>();

    /** A model as Hibernate sees it: the classes, the physical naming strategy and the other settings. */
    private record Version(Model model, String physicalNaming, Map<String, String> settings) {
        static Version v1(RoundTripCase c) {
            return new Version(c.v1(), c.physicalNaming(), c.settings());
        }

        static Version v2(RoundTripCase c) {
            return new Version(c.v2(), c.physicalNaming(), c.settings());
        }
    }

    private record Baseline(String fileName, String source) {
    }

    RoundTripTest() throws IOException {
        work = Files.createTempDirectory("retort-roundtrip");
    }

    static Stream<RoundTripCase> cases() {
        return allCases()
                // -Dretort.roundtrip.only=REGEX (in argLine) runs the cases whose names it finds, while working on them
                .filter(c -> java.util.regex.Pattern.compile(System.getProperty("retort.roundtrip.only", ""))
                        .matcher(c.name()).find());
    }

    private static Stream<RoundTripCase> allCases() {
        return Stream.of(ColumnCases.all(), NullabilityCases.all(), ColumnDefinitionCases.all(), KeyCases.all(),
                MappingCases.all(), EdgeCases.all(), DependencyCases.all(), PostgresObjectCases.all(),
                SchemaCases.all())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("upgrades to Hibernate's catalog for v2, checks clean and downgrades to v1's")
    void roundTrip(RoundTripCase c) throws Exception {
        CatalogSnapshot atV1 = oracle(Version.v1(c));
        CatalogSnapshot atV2 = oracle(Version.v2(c));
        try (TestDatabase db = TestDatabase.create()) {
            Workdir dir = new Workdir(Files.createTempDirectory(work, "project"), db.url());

            dir.configure(classes(c.v1()), c.physicalNaming(), c.settings());
            Baseline baseline = baselines.get(Version.v1(c));
            if (baseline == null) {
                dir.ok("generate", "v1", "--rev-id", V1);
                Path file = dir.onlyMigration();
                baseline = new Baseline(file.getFileName().toString(), Files.readString(file));
                baselines.put(Version.v1(c), baseline);
            } else {
                Files.writeString(dir.migrations().resolve(baseline.fileName()), baseline.source());
            }
            dir.ok("upgrade");
            assertSameCatalog("At v1 (" + baseline.fileName() + ")", atV1, db, baseline.source());
            if (!c.rowsAtV1().isEmpty()) {
                db.execute(c.rowsAtV1().toArray(String[]::new));
            }

            dir.configure(classes(c.v2()), c.physicalNaming(), c.settings());
            Workdir.Result check = dir.run("check", "--format", "json");
            assertEquals(1, check.exit(), () -> "check finds the change\n" + check);
            JsonNode report = JSON.readTree(check.out());
            assertEquals(c.changes(), changes(report), () -> "the changes check lists\n" + check.out());
            assertEquals(c.warnings(), warnings(report), () -> "the warnings check gives\n" + check.out());

            Workdir.Result generated = dir.ok("generate", "v2", "--rev-id", V2);
            String migration = Files.readString(dir.migration(V2));
            Workdir.Result upgrade = dir.run("upgrade");
            assertEquals(0, upgrade.exit(), () -> "upgrade to v2\n" + upgrade + "\n" + generated + "\n" + migration);
            assertSameCatalog("After upgrading to v2", atV2, db, generated.err() + "\n" + migration);

            Workdir.Result clean = dir.run("check");
            assertEquals(0, clean.exit(), () -> "check after the upgrade\n" + clean + "\n" + migration);
            assertEquals("No changes detected.\n", clean.out());
            for (RoundTripCase.Query query : c.atV2()) {
                assertEquals(query.rows(), rows(db, query.sql()), () -> "rows of " + query.sql());
            }

            // generate may write v2 as several revisions (added enum values get one of their own): undo them all.
            Workdir.Result downgrade = dir.run("downgrade", V1);
            if (c.irreversible()) {
                assertTrue(migration.contains("throw new IrreversibleMigrationException("), migration);
                assertEquals(2, downgrade.exit(), () -> "the downgrade refuses\n" + downgrade + "\n" + migration);
                assertTrue(downgrade.err().contains(V2), () -> "the refusal names the revision\n" + downgrade);
                assertTrue(downgrade.err().contains("enum"), () -> "the refusal says why\n" + downgrade);
                String refusing = dir.migration(V2).getFileName().toString().substring(1).split("_v2")[0];
                assertEquals(refusing, dir.ok("current").out().strip().split(" ")[0],
                        "the database stays at the refusing revision");
                if (refusing.equals(V2)) {
                    assertSameCatalog("After the refused downgrade", atV2, db, migration);
                }
            } else {
                assertEquals(0, downgrade.exit(), () -> "downgrade to v1\n" + downgrade + "\n" + migration);
                assertSameCatalog("After downgrading to v1", atV1, db, migration);
                // As a developer backing the change out: v1's entities, the v2 migration deleted.
                dir.configure(classes(c.v1()), c.physicalNaming(), c.settings());
                dir.deleteMigrations(V2);
                Workdir.Result back = dir.run("check");
                assertEquals(0, back.exit(), () -> "check against v1 after the downgrade\n" + back + "\n" + migration);
                online(c, dir, db, atV1, atV2);
            }
        }
    }

    /**
     * The same change generated with --online: exactly Hibernate's catalog at v2, clean check, no finding of the lock
     * rules in what it wrote, and back to v1's catalog; or, for a change with no safe form, a refusal that writes
     * nothing.
     */
    private void online(RoundTripCase c, Workdir dir, TestDatabase db, CatalogSnapshot atV1, CatalogSnapshot atV2)
            throws Exception {
        dir.configure(classes(c.v2()), c.physicalNaming(), c.settings());
        Workdir.Result generated = dir.run("generate", "v2", "--rev-id", V2_ONLINE, "--online");
        if (generated.exit() == 2) {
            assertTrue(generated.err().contains("has no safe form for one deploy")
                    || generated.err().contains("have no safe form for one deploy"), generated::toString);
            assertTrue(Files.notExists(dir.migrations()) || Files.list(dir.migrations())
                    .noneMatch(f -> f.getFileName().toString().contains(V2_ONLINE)), "nothing was written");
            ONLINE_REFUSED.incrementAndGet();
            return;
        }
        assertEquals(0, generated.exit(), generated::toString);
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.migrations())) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains(V2_ONLINE)).sorted().toList()) {
                sources.append(Files.readString(f)).append('\n');
            }
        }
        Workdir.Result upgrade = dir.run("upgrade");
        assertEquals(0, upgrade.exit(), () -> "online upgrade to v2\n" + upgrade + "\n" + sources);
        assertSameCatalog("After the online upgrade to v2", atV2, db, sources.toString());
        Workdir.Result clean = dir.run("check");
        assertEquals("No changes detected.\n", clean.out(), () -> "check after the online upgrade\n" + clean);
        JsonNode lint = JSON.readTree(dir.run("lint", "--format", "json", V1 + ":").out());
        List<String> lockFindings = new ArrayList<>();
        lint.get("findings").forEach(f -> {
            if (LOCK_RULES.contains(f.get("rule").asText()) && !f.get("revision").asText().equals(V1)) {
                lockFindings.add(f.get("rule").asText() + ": " + f.get("message").asText());
            }
        });
        assertEquals(List.of(), lockFindings, () -> "lint on the online revisions\n" + sources);
        Workdir.Result downgrade = dir.run("downgrade", V1);
        assertEquals(0, downgrade.exit(), () -> "online downgrade to v1\n" + downgrade + "\n" + sources);
        assertSameCatalog("After the online downgrade to v1", atV1, db, sources.toString());
        ONLINE_APPLIED.incrementAndGet();
    }

    @Test
    @DisplayName("the cases cover every kind of operation the comparator emits")
    void casesCoverEveryOperation() {
        Set<String> covered = allCases().flatMap(c -> c.changes().stream()).map(change -> change.split(" ")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("add_column", "add_enum_value", "alter_column", "alter_sequence",
                "create_check_constraint", "create_enum", "create_foreign_key", "create_index", "create_primary_key",
                "create_schema", "create_sequence", "create_table", "create_table_comment", "create_unique_constraint", "create_view",
                "drop_column", "drop_constraint", "drop_enum", "drop_index", "drop_sequence", "drop_table",
                "drop_table_comment", "drop_view")),
                covered);
    }

    @AfterAll
    void onlinePassRan() {
        if (ONLINE_APPLIED.get() + ONLINE_REFUSED.get() > 0) { // a filtered run (-Dtest=...#one) may reach none
            assertTrue(ONLINE_APPLIED.get() >= 3 * ONLINE_REFUSED.get(), "online round trips: " + ONLINE_APPLIED
                    + " applied, " + ONLINE_REFUSED + " refused");
        }
    }

    @AfterAll
    void deleteWork() throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path classes(Model model) {
        return classes.computeIfAbsent(model, m -> EntityCompiler.compile(m, work));
    }

    /** The catalog Hibernate creates for {@code version}, in a database of its own. */
    private CatalogSnapshot oracle(Version version) {
        return oracles.computeIfAbsent(version, v -> {
            try (TestDatabase db = TestDatabase.create();
                 URLClassLoader loader = new URLClassLoader(new URL[] {classes(v.model()).toUri().toURL()},
                         RoundTripTest.class.getClassLoader())) {
                HibernateOracle.create(db, loader, Model.PACKAGE, v.physicalNaming(), null, v.settings());
                // The zero-diff property for every model of these tests: Hibernate's own database checks clean.
                Workdir zero = new Workdir(Files.createTempDirectory(work, "zero"), db.url());
                zero.configure(classes(v.model()), v.physicalNaming(), v.settings());
                Workdir.Result check = zero.run("check");
                assertEquals(0, check.exit(), () -> "check on the database Hibernate created\n" + check);
                return db.snapshotAll();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Each change of the JSON report as {@code op table.column name}, leaving out the parts it lacks. */
    private static List<String> changes(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode change : report.get("changes")) {
            StringBuilder s = new StringBuilder(change.get("op").asText());
            if (change.has("table")) {
                s.append(' ').append(change.get("table").asText());
                if (change.has("column")) {
                    s.append('.').append(change.get("column").asText());
                }
            }
            if (change.has("name")) {
                s.append(' ').append(change.get("name").asText());
            }
            out.add(s.toString());
        }
        return out;
    }

    private static List<String> warnings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("warnings").forEach(w -> out.add(w.get("kind").asText()));
        return out;
    }

    private static List<String> rows(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("|", cells));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails with the lines only one side has, and what Retort did to get there. The comparison is of the stored
     * text (pg_get_constraintdef, pg_get_indexdef, pg_get_expr), after a downgrade too: a check a downgrade
     * re-adds must come back exactly as it was, not only in an equivalent spelling.
     */
    private static void assertSameCatalog(String when, CatalogSnapshot hibernate, TestDatabase db, String context) {
        CatalogSnapshot retort = db.snapshotAll("retort_version", "retort_version_history");
        if (hibernate.equals(retort)) {
            return;
        }
        fail(when + ", the catalog differs from Hibernate's.\nOnly in Hibernate's:\n  "
                + String.join("\n  ", hibernate.linesNotIn(retort)) + "\nOnly in Retort's:\n  "
                + String.join("\n  ", retort.linesNotIn(hibernate)) + "\n--- migration\n" + context);
    }
}
