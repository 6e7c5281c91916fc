package dev.retort.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of a project's migrations: each test gets a fresh PostgreSQL database (from
 * {@code RETORT_TEST_URL}, else the local server, else Testcontainers where Docker runs), or MariaDB one
 * ({@link #database}), and
 * {@link RetortMigrations} over it. With {@link RetortMigrationTests} the standard tests come with it:
 *
 * <pre>{@code
 * @RetortTest(migrationsPackage = "com.acme.migrations")
 * class MigrationsTest implements RetortMigrationTests { }
 * }</pre>
 *
 * Without attributes naming migrations, the working directory's {@code retort.yaml} says where they are, and where
 * the entities are; {@code config} names another file. Attributes win over the file, key by key, and the system
 * properties {@code retort.test.NAME} ({@code retort.test.migrationsPackage}, {@code retort.test.config}, ...) win
 * over the attributes (a build can point one test class at several projects).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RetortExtension.class)
public @interface RetortTest {

    /** The package of the compiled migrations on the test class path (subpackages included). */
    String migrationsPackage() default "";

    /** Or a folder of migration sources, compiled in memory (relative to the working directory). */
    String migrations() default "";

    /** Or the project's {@code retort.yaml} (relative to the working directory), for everything not given here. */
    String config() default "";

    /** The version table (default: retort.yaml's {@code version_table}, else {@code retort_version}). */
    String versionTable() default "";

    /**
     * The packages of the application's {@code @Entity} classes on the test class path: with them, the schema at
     * head is held against the one the application's own Hibernate ORM creates for them.
     */
    String[] entities() default {};

    /** Hibernate settings the application gives, {@code key=value} (naming strategies, hibernate.default_schema). */
    String[] hibernateProperties() default {};

    /**
     * A folder of recorded schemas, {@code <revision>.txt} each (one catalog line per object, as
     * {@link RetortMigrations#snapshot} reads it): the stairway then holds every step against its revision's record,
     * so a migration edited after its release fails. {@code -Dretort.test.record=true} writes the records from what
     * the migrations build; review the diff like code. A revision without a record is checked only by the round trip.
     */
    String recordedSchemas() default "";

    /**
     * The database each test gets fresh: PostgreSQL ({@code RETORT_TEST_URL}, else the local server) or MariaDB
     * ({@code RETORT_TEST_MARIADB_URL}, else root on 127.0.0.1:3306). {@code -Dretort.test.database=mariadb} wins.
     */
    Database database() default Database.POSTGRESQL;

    /** The databases the kit runs migrations on. */
    enum Database { POSTGRESQL, MARIADB }
}
