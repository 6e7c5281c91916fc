package dev.retort.spring.app;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/**
 * The test application's migrations under the JUnit kit, its head held against the schema Spring Boot 4.0.7's own
 * managed Hibernate ORM (7.2) creates for its entity with Boot's physical naming.
 */
@RetortTest(migrationsPackage = "dev.retort.spring.app.migrations", entities = "dev.retort.spring.app",
        hibernateProperties = "hibernate.physical_naming_strategy="
                + "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")
class StarterAppMigrationsTest implements RetortMigrationTests {
}
