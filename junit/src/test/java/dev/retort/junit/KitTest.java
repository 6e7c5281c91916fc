package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.retort.junit.sample.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The standard tests run on sample projects' migrations, through JUnit's own engine, against the real PostgreSQL. */
@DisplayName("The JUnit kit's standard tests")
class KitTest {

    /** Each test method's outcome: SUCCESSFUL, or FAILED with its message. */
    private static Map<String, String> run(Class<?> testClass) {
        Map<String, String> outcomes = new TreeMap<>();
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .testEvents().finished().list();
        for (Event e : finished) {
            TestExecutionResult result = e.getPayload(TestExecutionResult.class).orElseThrow();
            String name = e.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", "");
            outcomes.put(name, result.getStatus() + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
        }
        return outcomes;
    }

    @Test
    @DisplayName("pass on sound migrations")
    void sound() {
        assertEquals(Map.of("singleHead", "SUCCESSFUL", "stairway", "SUCCESSFUL", "headMatchesHibernate", "SUCCESSFUL",
                "downgradesPresent", "SUCCESSFUL", "regenerationWritesNothing", "SUCCESSFUL"),
                run(Samples.GoodMigrationsTest.class));
    }

    @Test
    @DisplayName("fail the stairway on a downgrade that leaves something behind, naming the revision and the lines")
    void brokenDowngrade() {
        Map<String, String> outcomes = run(Samples.BrokenDowngradeTest.class);
        assertEquals("SUCCESSFUL", outcomes.get("singleHead"));
        assertEquals("SUCCESSFUL", outcomes.get("headMatchesHibernate"), "its head is right: only the way down is not");
        String stairway = outcomes.get("stairway");
        assertTrue(stairway.startsWith("FAILED: The downgrade of revision b2 (note priority) does not give back the "
                + "catalog its upgrade started from") && stairway.contains("+ column notes.priority integer null"),
                stairway);
    }

    @Test
    @DisplayName("fail the head against Hibernate's schema when the migrations lack what the entities map")
    void behindTheEntities() {
        Map<String, String> outcomes = run(Samples.BehindTheEntitiesTest.class);
        String head = outcomes.get("headMatchesHibernate");
        assertTrue(head.startsWith("FAILED: The migrations at head (h1) and the schema Hibernate ORM ")
                && head.contains("- column notes.priority integer null"), head);
        assertEquals("SUCCESSFUL", outcomes.get("stairway"));
        String regenerated = outcomes.get("regenerationWritesNothing");
        assertTrue(regenerated.startsWith("FAILED: At head (h1) 'retort generate' would write a revision")
                && regenerated.contains("ALTER TABLE notes ADD COLUMN priority integer;"), regenerated);
    }

    @Test
    @DisplayName("skip the head comparison, saying why, when no entities are named")
    void noEntities() {
        String head = run(Samples.TwoHeadsTest.class).get("headMatchesHibernate");
        assertTrue(head.startsWith("ABORTED: Assumption failed: @RetortTest names no entity packages"), head);
    }

    @Test
    @DisplayName("fail on a revision without a downgrade, and let the stairway end at a declared irreversible one")
    void missingDowngrade() {
        Map<String, String> outcomes = run(Samples.MissingDowngradeTest.class);
        String present = outcomes.get("downgradesPresent");
        assertTrue(present.startsWith("FAILED: Revision(s) without a downgrade: n1 (dev.retort.junit.sample.nodown.m.N1)")
                && present.contains("IrreversibleMigrationException"), present);
        assertEquals("SUCCESSFUL", outcomes.get("stairway"), "n2 declares itself irreversible: the way down ends there");
    }

    @Test
    @DisplayName("fail on two heads, naming them and the fix")
    void twoHeads() {
        Map<String, String> outcomes = run(Samples.TwoHeadsTest.class);
        assertTrue(outcomes.get("singleHead").startsWith("FAILED: The migrations have 2 heads (f2, f3)")
                && outcomes.get("singleHead").contains("retort merge heads"), outcomes.toString());
    }

    @Test
    @DisplayName("say what to configure when @RetortTest names no migrations")
    void nothingNamed() {
        Map<String, String> outcomes = run(Samples.NothingNamedTest.class);
        String stairway = outcomes.get("stairway");
        assertTrue(stairway.contains("@RetortTest names no migrations, and there is no retort.yaml in ")
                && stairway.contains("Give migrationsPackage"), outcomes.toString());
    }

    @Test
    @DisplayName("read retort.yaml when it names the migrations and entities")
    void fromRetortYaml(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("retort.yaml");
        Files.writeString(config, """
                migrations:
                  package: dev.retort.junit.sample.behind.m
                entities:
                  packages: [dev.retort.junit.sample.good.model]
                version_table: kit_versions
                """);
        Map<String, String> outcomes = withProperties(Map.of("retort.test.config", config.toString()),
                () -> run(Samples.NothingNamedTest.class));
        assertEquals("SUCCESSFUL", outcomes.get("stairway"), outcomes.toString());
        String head = outcomes.get("headMatchesHibernate");
        assertTrue(head.startsWith("FAILED: The migrations at head (h1)")
                && head.contains("- column notes.priority integer null")
                && !head.contains("kit_versions"), "the file's migrations, entities and version table: " + head);
    }

    @Test
    @DisplayName("record each revision's schema, then hold every step of the stairway against its record")
    void recordedSchemas(@TempDir Path dir) throws IOException {
        Map<String, String> recording = Map.of("retort.test.recordedSchemas", dir.toString(), "retort.test.record",
                "true");
        assertEquals("SUCCESSFUL", withProperties(recording, () -> run(Samples.GoodMigrationsTest.class))
                .get("stairway"));
        Path g1 = dir.resolve("g1.txt");
        List<String> lines = Files.readAllLines(g1);
        assertTrue(lines.contains("column notes.body text not null") && lines.contains("table notes"), lines::toString);
        assertTrue(Files.exists(dir.resolve("g2.txt")));

        Map<String, String> checking = Map.of("retort.test.recordedSchemas", dir.toString());
        assertEquals("SUCCESSFUL", withProperties(checking, () -> run(Samples.GoodMigrationsTest.class))
                .get("stairway"));
        Files.writeString(g1, Files.readString(g1).replace("notes.body text", "notes.body character varying(100)"));
        String stairway = withProperties(checking, () -> run(Samples.GoodMigrationsTest.class)).get("stairway");
        assertTrue(stairway.startsWith("FAILED: At revision g1 (notes) the catalog is not the one recorded in "
                + g1) && stairway.contains("- column notes.body character varying(100) not null")
                && stairway.contains("+ column notes.body text not null"), stairway);
    }

    private static <T> T withProperties(Map<String, String> properties, java.util.function.Supplier<T> work) {
        properties.forEach(System::setProperty);
        try {
            return work.get();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
