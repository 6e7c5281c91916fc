package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.hibernate.HibernateOracle;
import dev.retort.hibernate.SpringImplicitNamingStrategy;
import dev.retort.testkit.FreshDatabase;
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
 * The zero-diff property: a database Hibernate itself created for a model must compare equal to that model.
 * Any change reported here is a phantom diff, the most common complaint about schema diff tools.
 */
@ExtendWith(FreshDatabase.class)
class ZeroDiffTest {

    private static final String SNAKE_CASE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    /** Package; naming in retort.yaml; naming as Hibernate is given it; further settings (both sides). */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("dev.retort.fixtures.rich", "", null, null, Map.of()),
                Arguments.of("dev.retort.fixtures.rich", "", null, null,
                        Map.of("hibernate.globally_quoted_identifiers", "true")),
                Arguments.of("dev.retort.fixtures.spring", "naming: {physical: spring, implicit: spring}", SNAKE_CASE,
                        SpringImplicitNamingStrategy.class.getName(), Map.of()),
                Arguments.of("dev.retort.fixtures.spring", "", null, null, Map.of()),
                Arguments.of("dev.retort.fixtures.keywords", "", null, null, Map.of("hibernate.auto_quote_keyword", "true")));
    }

    @ParameterizedTest(name = "{0} {1} {4}")
    @MethodSource("models")
    @DisplayName("check and generate find nothing to do on the database Hibernate created for the model")
    void hibernatesOwnDatabaseChecksClean(String entityPackage, String namingYaml, String physical, String implicit,
                                          Map<String, String> settings, TestDatabase db) {
        HibernateOracle.create(db, ZeroDiffTest.class.getClassLoader(), entityPackage, physical, implicit, settings);
        try (Project p = Project.create(db)) {
            String settingsYaml = settings.isEmpty() ? "" : "settings: {" + settings.entrySet().stream()
                    .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").collect(Collectors.joining(", ")) + "}";
            p.writeConfigWithEntities(entityPackage, namingYaml + "\n" + settingsYaml);
            Cli.Result check = p.run("check");
            assertEquals(0, check.exit(), check::toString);
            assertEquals("No changes detected.\n", check.out());
            Cli.Result generate = p.run("generate", "nothing");
            assertEquals("No changes detected.\n", generate.out(), generate::toString);
            assertTrue(p.migrationFiles().isEmpty());
        }
    }
}
