package dev.retort.autogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.hibernate.HibernateOracle;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The round trip of {@link RoundTripTest} on MariaDB, for the column, nullability and key changes: a fresh MariaDB
 * database upgraded to v1 (generated), the change generated and upgraded to, the catalog then exactly the one
 * Hibernate's {@code MariaDBDialect} creates for v2, {@code check} clean, and {@code downgrade} back to v1's
 * catalog. The cases MariaDB has no form for are skipped, each with its reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A model change v1 -> v2 on MariaDB, generated and applied")
class MariaDbRoundTripTest {

    private static final String V1 = "bbbbbbbbbbb1";
    private static final String V2 = "bbbbbbbbbbb2";

    /** Cases MariaDB cannot take, by a part of their name, with the reason. */
    private static final Map<String, String> UNSUPPORTED = Map.of();

    private final Path work;
    private final Map<Model, Path> classes = new HashMap<>();
    private final Map<Model, CatalogSnapshot> oracles = new HashMap<>();

    MariaDbRoundTripTest() throws IOException {
        work = Files.createTempDirectory("retort-mariadb-roundtrip");
    }

    static Stream<RoundTripCase> cases() {
        return Stream.of(ColumnCases.all(), NullabilityCases.all(), KeyCases.all())
                .flatMap(List::stream)
                .filter(c -> c.physicalNaming() == null && c.settings().isEmpty())
                .filter(c -> java.util.regex.Pattern.compile(System.getProperty("retort.roundtrip.only", ""))
                        .matcher(c.name()).find());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("upgrades to Hibernate's MariaDB catalog for v2, checks clean and downgrades to v1's")
    void roundTrip(RoundTripCase c) throws Exception {
        UNSUPPORTED.forEach((part, why) -> Assumptions.assumeFalse(c.name().contains(part), why));
        Assumptions.assumeFalse(Stream.of(c.v1(), c.v2()).anyMatch(m -> m.classes().values().stream()
                .anyMatch(source -> source.contains("NAMED_ENUM"))), "a PostgreSQL named enum type "
                + "(@JdbcTypeCode(SqlTypes.NAMED_ENUM)), which Hibernate's MariaDBDialect has no type for");
        CatalogSnapshot atV1 = oracle(c.v1());
        CatalogSnapshot atV2 = oracle(c.v2());
        try (TestDatabase db = TestDatabase.createMariaDb()) {
            Workdir dir = new Workdir(Files.createTempDirectory(work, "project"), db.url());
            dir.configure(classes(c.v1()), null, Map.of());
            dir.ok("generate", "v1", "--rev-id", V1);
            String baseline = Files.readString(dir.onlyMigration());
            dir.ok("upgrade");
            assertSameCatalog("At v1", atV1, db, baseline);
            if (!c.rowsAtV1().isEmpty()) {
                db.execute(c.rowsAtV1().stream().map(MariaDbRoundTripTest::mariadb).toArray(String[]::new));
            }

            dir.configure(classes(c.v2()), null, Map.of());
            Workdir.Result check = dir.run("check");
            assertEquals(1, check.exit(), () -> "check finds the change\n" + check);
            Workdir.Result generated = dir.ok("generate", "v2", "--rev-id", V2);
            String migration = Files.readString(dir.migration(V2));
            Workdir.Result upgrade = dir.run("upgrade");
            assertEquals(0, upgrade.exit(), () -> "upgrade to v2\n" + upgrade + "\n" + generated + "\n" + migration);
            assertSameCatalog("After upgrading to v2", atV2, db, migration);
            Workdir.Result clean = dir.run("check");
            assertEquals("No changes detected.\n", clean.out(), () -> "check after the upgrade\n" + clean + "\n"
                    + migration);

            Workdir.Result downgrade = dir.run("downgrade", V1);
            assertEquals(0, downgrade.exit(), () -> "downgrade to v1\n" + downgrade + "\n" + migration);
            assertSameCatalog("After downgrading to v1", atV1, db, migration);
        }
    }

    /** The PostgreSQL test rows in MariaDB's words (double-quoted names are backquoted there). */
    private static String mariadb(String sql) {
        return sql.replace('"', '`');
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

    /** The catalog Hibernate creates for {@code model} on MariaDB; its database checks clean (zero diff). */
    private CatalogSnapshot oracle(Model model) {
        return oracles.computeIfAbsent(model, m -> {
            try (TestDatabase db = TestDatabase.createMariaDb();
                 URLClassLoader loader = new URLClassLoader(new URL[] {classes(m).toUri().toURL()},
                         MariaDbRoundTripTest.class.getClassLoader())) {
                HibernateOracle.create(db, loader, Model.PACKAGE, null, null, Map.of());
                Workdir zero = new Workdir(Files.createTempDirectory(work, "zero"), db.url());
                zero.configure(classes(m), null, Map.of());
                Workdir.Result check = zero.run("check");
                assertEquals("No changes detected.\n", check.out(), () -> "check on the database Hibernate created\n"
                        + check);
                return db.snapshot();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void assertSameCatalog(String when, CatalogSnapshot hibernate, TestDatabase db, String context) {
        CatalogSnapshot retort = db.snapshot().withoutRetort("retort_version");
        if (hibernate.equals(retort)) {
            return;
        }
        fail(when + ", the catalog differs from Hibernate's.\nOnly in Hibernate's:\n  "
                + String.join("\n  ", hibernate.linesNotIn(retort)) + "\nOnly in Retort's:\n  "
                + String.join("\n  ", retort.linesNotIn(hibernate)) + "\n--- migration\n" + context);
    }
}
