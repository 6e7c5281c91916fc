package com.example;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/** The quickstart's migrations under the JUnit kit's standard tests: one head, and the stairway. */
@RetortTest(migrations = "migrations/com/example/migrations")
class QuickstartMigrationsTest implements RetortMigrationTests {
}
