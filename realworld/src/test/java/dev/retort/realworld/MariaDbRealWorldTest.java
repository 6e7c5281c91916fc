package dev.retort.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.hibernate.HibernateOracle;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.TestDatabase;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real-world corpus on MariaDB, for the projects that support MySQL or MariaDB themselves (Keycloak, Axon
 * Framework, Spring Modulith, openLCA; DSpace, Kogito's data index, Dirigible and Axelor are PostgreSQL
 * projects), at their newest version in the corpus: zero-diff on the schema Hibernate's MariaDBDialect creates for their entities, and a baseline
 * generated against an empty MariaDB database that upgrades to exactly that catalog.
 */
@DisplayName("The real-world corpus on MariaDB")
class MariaDbRealWorldTest {

    private static final Set<String> SUPPORT_MARIADB = Set.of("keycloak", "axon", "modulith", "openlca");

    /** The newest version of each such project (the PostgreSQL suite holds both, and the evolution between). */
    static Stream<Corpus.Version> versions() {
        java.util.Map<String, Corpus.Version> newest = new java.util.LinkedHashMap<>();
        Corpus.versions().stream().filter(v -> SUPPORT_MARIADB.contains(v.project().name()))
                .forEach(v -> newest.put(v.project().name(), v)); // corpus.yaml lists each project's versions oldest first
        return newest.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    @DisplayName("check finds nothing on Hibernate's MariaDB schema; a generated baseline upgrades to it")
    void zeroDiffAndBaseline(Corpus.Version version) {
        CatalogSnapshot hibernate;
        try (TestDatabase db = TestDatabase.createMariaDb(); Workspace ws = new Workspace(db)) {
            hibernateCreates(version, db);
            hibernate = db.snapshot();
            ws.use(version);
            Workspace.Result check = ws.run("check");
            assertEquals("No changes detected.\n", check.out(), check::toString);
            assertEquals(0, check.exit(), check::toString);
        }
        try (TestDatabase db = TestDatabase.createMariaDb(); Workspace ws = new Workspace(db)) {
            ws.use(version);
            Workspace.Result generate = ws.run("generate", "baseline " + version);
            assertEquals(0, generate.exit(), generate::toString);
            Workspace.Result upgrade = ws.run("upgrade", "head");
            assertEquals(0, upgrade.exit(), upgrade::toString);
            CatalogSnapshot actual = db.snapshot().withoutRetort("retort_version");
            assertEquals(hibernate, actual, () -> "catalog after the baseline of " + version + ": missing "
                    + hibernate.linesNotIn(actual) + "; unexpected " + actual.linesNotIn(hibernate));
            Workspace.Result check = ws.run("check");
            assertEquals("No changes detected.\n", check.out(), check::toString);
        }
    }

    private static void hibernateCreates(Corpus.Version version, TestDatabase db) {
        try (URLClassLoader loader = version.classLoader()) {
            List<Class<?>> classes = version.mappedClasses(loader);
            HibernateOracle.create(db, loader, classes, version.project().naming().physical(),
                    version.project().naming().implicit(), version.project().settings());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
