package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.retort.junit.sample.Samples;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
                "downgradesPresent", "SUCCESSFUL"),
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
        assertTrue(outcomes.get("stairway").contains("@RetortTest names no migrations. Give migrationsPackage"),
                outcomes.toString());
    }
}
