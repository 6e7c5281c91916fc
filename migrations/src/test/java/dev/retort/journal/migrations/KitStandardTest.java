package dev.retort.journal.migrations;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/**
 * The journal's compiled migrations under the JUnit kit's standard tests, as a project using Retort writes them.
 * {@link StairwayTest} goes further (each step's schema against a reviewed record, {@code check} at head).
 */
@RetortTest(migrationsPackage = "dev.retort.journal.migrations")
class KitStandardTest implements RetortMigrationTests {
}
