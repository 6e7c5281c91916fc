package dev.retort.spring;

/**
 * Takes over the start-up migration, as {@code FlywayMigrationStrategy} does for Flyway: declare a bean of this
 * type to log first, refuse in production, or migrate only on one instance. The default calls
 * {@link RetortMigrator#migrate()}.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

    void migrate(RetortMigrator migrator);
}
