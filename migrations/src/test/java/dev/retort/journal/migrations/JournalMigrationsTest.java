package dev.retort.journal.migrations;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/**
 * The journal's migrations under the JUnit kit's standard tests, configured by the repository's own retort.yaml
 * (the migration sources it names, compiled in memory, so a revision {@code retort generate} just wrote is part of
 * the chain; the entities of {@code models/target/classes}). The stairway holds every step against its revision's
 * reviewed record in {@code src/test/resources/stairway/<revision>.txt}: a migration edited after its release
 * fails there. After a deliberate change, re-record with {@code -Dretort.test.record=true} and review the diff.
 */
@RetortTest(config = "../retort.yaml", recordedSchemas = "src/test/resources/stairway")
class JournalMigrationsTest implements RetortMigrationTests {
}
