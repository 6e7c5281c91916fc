package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.hibernate.HibernateOracle;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.MariaDb;
import dev.retort.testkit.TestDatabase;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autogenerate on MariaDB, with Hibernate's {@code MariaDBDialect} DDL as the oracle: a database Hibernate itself
 * created for a model compares equal to the model (no phantom diff), and the migration generated for the model
 * from an empty database, applied, gives exactly the catalog Hibernate's own DDL gives.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Autogenerate on MariaDB")
class MariaDbAutogenerateTest {

    private static final String SNAKE_CASE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("dev.retort.fixtures.portable", "", null, null, Map.of()),
                Arguments.of("dev.retort.fixtures.spring", "naming: {physical: spring, implicit: spring}", SNAKE_CASE,
                        dev.retort.hibernate.SpringImplicitNamingStrategy.class.getName(), Map.of()),
                Arguments.of("dev.retort.fixtures.spring", "", null, null, Map.of()),
                Arguments.of("dev.retort.fixtures.keywords", "", null, null,
                        Map.of("hibernate.auto_quote_keyword", "true")));
    }

    @ParameterizedTest(name = "{0} {1} {4}")
    @MethodSource("models")
    @DisplayName("check finds nothing on the database Hibernate created; generate + upgrade give Hibernate's catalog")
    void zeroDiffAndRoundTrip(String entityPackage, String namingYaml, String physical, String implicit,
                              Map<String, String> settings, @MariaDb TestDatabase oracle) {
        HibernateOracle.create(oracle, MariaDbAutogenerateTest.class.getClassLoader(), entityPackage, physical,
                implicit, settings);
        String settingsYaml = settings.isEmpty() ? "" : "settings: {" + settings.entrySet().stream()
                .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").collect(Collectors.joining(", ")) + "}";
        namingYaml = namingYaml + "\n" + settingsYaml;
        try (Project p = Project.create(oracle)) {
            p.writeConfigWithEntities(entityPackage, namingYaml);
            Cli.Result check = p.run("check");
            assertEquals("No changes detected.\n", check.out(), check::toString);
            assertEquals(0, check.exit(), check::toString);
        }
        try (TestDatabase fresh = TestDatabase.createMariaDb(); Project p = Project.create(fresh)) {
            p.writeConfigWithEntities(entityPackage, namingYaml);
            p.expect(0, "generate", "initial schema");
            assertEquals(1, p.migrationFiles().size());
            p.expect(0, "upgrade");
            Cli.Result check = p.run("check");
            assertEquals("No changes detected.\n", check.out(), check::toString);
            CatalogSnapshot want = oracle.snapshot();
            CatalogSnapshot got = fresh.snapshot().withoutRetort("retort_version");
            assertEquals(want, got, () -> "generated and applied, the catalog differs from Hibernate's own (- Hibernate's, "
                    + "+ the migration's):\n" + String.join("\n", want.linesNotIn(got).stream().map(l -> "  - " + l)
                    .toList()) + "\n" + String.join("\n", got.linesNotIn(want).stream().map(l -> "  + " + l).toList())
                    + "\n" + check);
            Cli.Result lint = p.expect(0, "lint");
            assertTrue(lint.err().contains("Lint's rules are PostgreSQL's") && lint.out().isEmpty(), lint::toString);
            p.expect(0, "downgrade", "base");
            assertTrue(fresh.snapshot().withoutRetort("retort_version").isEmpty(), fresh.snapshot()::toString);
        }
    }
}
