package dev.retort.junit.sample;

import dev.retort.junit.RetortMigrationTests;
import dev.retort.junit.RetortTest;

/** Test classes as projects write them; KitTest runs them through JUnit's engine and reads the results. */
public final class Samples {

    private Samples() {
    }

    @RetortTest(migrationsPackage = "dev.retort.junit.sample.good.m")
    public static class GoodMigrationsTest implements RetortMigrationTests {
    }

    @RetortTest(migrationsPackage = "dev.retort.junit.sample.broken.m")
    public static class BrokenDowngradeTest implements RetortMigrationTests {
    }

    @RetortTest(migrationsPackage = "dev.retort.junit.sample.forked.m")
    public static class TwoHeadsTest implements RetortMigrationTests {
    }

    @RetortTest
    public static class NothingNamedTest implements RetortMigrationTests {
    }
}
