package com.example;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/** The quickstart's migrations under the JUnit kit's standard tests: one head, the stairway, and the head against the schema Hibernate creates for its entities. */
@RetortTest(migrations = "migrations/com/example/migrations", entities = "com.example.model")
class QuickstartMigrationsTest implements RetortMigrationTests {
}
