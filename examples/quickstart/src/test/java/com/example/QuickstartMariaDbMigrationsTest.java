package com.example;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/**
 * The quickstart's MariaDB chain (migrations-mariadb/, retort-mariadb.yaml) under the JUnit kit's standard tests on
 * a fresh MariaDB database each: one head, the stairway, and the head against the schema Hibernate's MariaDBDialect
 * creates for the same entities.
 */
@RetortTest(config = "retort-mariadb.yaml", migrations = "migrations-mariadb",
        entities = "com.example.model", database = RetortTest.Database.MARIADB)
class QuickstartMariaDbMigrationsTest implements RetortMigrationTests {
}
