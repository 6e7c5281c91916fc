package dev.retort.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of a project's migrations: each test gets a fresh PostgreSQL database (from
 * {@code RETORT_TEST_URL}, else the local server, else Testcontainers where Docker runs) and
 * {@link RetortMigrations} over it. With {@link RetortMigrationTests} the standard tests come with it:
 *
 * <pre>{@code
 * @RetortTest(migrationsPackage = "com.acme.migrations")
 * class MigrationsTest implements RetortMigrationTests { }
 * }</pre>
 *
 * The system properties {@code retort.test.migrationsPackage}, {@code retort.test.migrations} and
 * {@code retort.test.versionTable} override the attributes (a build can point one test class at several projects).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RetortExtension.class)
public @interface RetortTest {

    /** The package of the compiled migrations on the test class path (subpackages included). */
    String migrationsPackage() default "";

    /** Or a folder of migration sources, compiled in memory (relative to the working directory). */
    String migrations() default "";

    /** The version table. */
    String versionTable() default "retort_version";

    /**
     * The packages of the application's {@code @Entity} classes on the test class path: with them, the schema at
     * head is held against the one the application's own Hibernate ORM creates for them.
     */
    String[] entities() default {};

    /** Hibernate settings the application gives, {@code key=value} (naming strategies, hibernate.default_schema). */
    String[] hibernateProperties() default {};
}
