package dev.retort.junit.sample;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/** Test classes as projects write them; KitTest runs them through JUnit's engine and reads the results. */
public final class Samples {

    private Samples() {
    }

    @RetortTest(migrationsPackage = "dev.retort.junit.sample.good.m", entities = "dev.retort.junit.sample.good.model")
    public static class GoodMigrationsTest implements RetortMigrationTests {
    }

    /** A head that is right (held against the entity, with a Hibernate setting as key=value), a way down that is not. */
    @RetortTest(migrationsPackage = "dev.retort.junit.sample.broken.m", entities = "dev.retort.junit.sample.good.model",
            hibernateProperties = "hibernate.globally_quoted_identifiers=false")
    public static class BrokenDowngradeTest implements RetortMigrationTests {
    }

    @RetortTest(migrationsPackage = "dev.retort.junit.sample.forked.m")
    public static class TwoHeadsTest implements RetortMigrationTests {
    }

    /** Migrations whose head has no priority column, held against the entity that has one. */
    @RetortTest(migrationsPackage = "dev.retort.junit.sample.behind.m", entities = "dev.retort.junit.sample.good.model")
    public static class BehindTheEntitiesTest implements RetortMigrationTests {
    }

    @RetortTest(migrationsPackage = "dev.retort.junit.sample.nodown.m")
    public static class MissingDowngradeTest implements RetortMigrationTests {
    }

    @RetortTest
    public static class NothingNamedTest implements RetortMigrationTests {
    }
}
