package dev.retort.junit;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.platform.Platform;
import dev.retort.runtime.RunListener;
import dev.retort.runtime.Runner;
import dev.retort.runtime.RuntimeSettings;
import dev.retort.runtime.Step;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A project's migrations over the test's own fresh database: run them to any revision, seed data between
 * revisions with {@link #execute}, and compare catalogs ({@link #snapshot}, {@link #assertSameCatalog}).
 */
public final class RetortMigrations {

    private final RevisionGraph graph;
    private final TestDatabase database;
    private final KitSettings settings;

    RetortMigrations(RevisionGraph graph, TestDatabase database, KitSettings settings) {
        this.graph = graph;
        this.database = database;
        this.settings = settings;
    }

    /** The entity packages {@code @RetortTest} (or retort.yaml) names; empty: the head is not compared with them. */
    public List<String> entityPackages() {
        return settings.entityPackages();
    }

    KitSettings settings() {
        return settings;
    }

    /**
     * The catalog the application's own Hibernate ORM (whatever the test class path holds) creates for the entities,
     * in a database of its own, dropped after.
     */
    public CatalogSnapshot hibernateSchema() {
        try (TestDatabase other = database.isMariaDb() ? TestDatabase.createMariaDb() : TestDatabase.create()) {
            HibernateSchema.create(other, settings);
            return other.snapshotAll();
        }
    }

    /** What a {@link #retort} command returned and printed. */
    public record CommandResult(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * Runs the {@code retort} command line ({@code check}, {@code generate "msg"}, {@code history}, ...) on the test's
     * database with the project's migrations and entities, in this JVM, with the test class path's Hibernate ORM:
     * {@code retort("check", "--format", "json")}. The project's retort.yaml applies when the kit read one; the
     * database is always the test's own.
     */
    public CommandResult retort(String... args) {
        return retort(null, args);
    }

    /** {@link #retort(String...)} with the migrations read from, and new ones written to, {@code migrations}. */
    CommandResult retort(java.nio.file.Path migrations, String... args) {
        List<String> all = new ArrayList<>();
        if (settings.config() != null) {
            all.addAll(List.of("--config", settings.config().toString()));
        }
        all.addAll(List.of("--url", database.url()));
        if (migrations != null || settings.migrationsDirectory() != null) {
            all.addAll(List.of("--migrations",
                    (migrations != null ? migrations : settings.migrationsDirectory()).toString()));
        } else {
            all.addAll(List.of("--migrations-package", settings.migrationsPackage()));
        }
        settings.entityPackages().forEach(p -> all.addAll(List.of("--package", p)));
        List<java.nio.file.Path> classpath = settings.entityClasspath().isEmpty()
                ? ClassPathRoots.of(Thread.currentThread().getContextClassLoader(), settings.entityPackages())
                : settings.entityClasspath();
        if (!classpath.isEmpty()) {
            all.add("--classpath");
            all.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Object::toString).toList()));
        }
        all.addAll(List.of(args));
        java.util.Map<String, Object> overlay = new java.util.TreeMap<>();
        overlay.put("versionTable", settings.versionTable());
        java.util.Map<String, String> hibernate = new java.util.TreeMap<>(settings.hibernateProperties());
        overlay.put("physicalNaming", hibernate.remove(KitSettings.PHYSICAL));
        overlay.put("implicitNaming", hibernate.remove(KitSettings.IMPLICIT));
        overlay.put("settings", hibernate);
        Object[] result = dev.retort.cli.Embedded.run(System.getenv(),
                java.nio.file.Path.of("").toAbsolutePath().toString(), all.toArray(String[]::new), overlay);
        return new CommandResult((Integer) result[0], (String) result[1], (String) result[2]);
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** The test's database (dropped after the test). */
    public TestDatabase database() {
        return database;
    }

    /** Upgrades to {@code target} ({@code head}, a revision id, {@code +1}); returns the steps taken. */
    public List<Step> upgradeTo(String target) {
        return run(runner -> connection -> runner.upgrade(connection, target));
    }

    /** Downgrades to {@code target} ({@code base}, a revision id, {@code -1}); returns the steps taken. */
    public List<Step> downgradeTo(String target) {
        return run(runner -> connection -> runner.downgrade(connection, target));
    }

    /** The revisions the database records (empty at base). */
    public List<String> current() {
        return run(runner -> runner::current);
    }

    /** Runs SQL on the test's database: seed rows between revisions, then check what a data migration made of them. */
    public void execute(String... sql) {
        database.execute(sql);
    }

    /** Every schema's catalog, PostgreSQL's own spelling, without the version table. */
    public CatalogSnapshot snapshot() {
        return database.snapshotAll().withoutRetort(settings.versionTable());
    }

    /** Fails naming {@code what} with the catalog lines each side alone has, when the two differ. */
    public static void assertSameCatalog(CatalogSnapshot expected, CatalogSnapshot actual, String what) {
        if (expected.lines().equals(actual.lines())) {
            return;
        }
        StringBuilder message = new StringBuilder(what).append(": the catalogs differ.");
        List<String> missing = expected.linesNotIn(actual);
        List<String> extra = actual.linesNotIn(expected);
        if (!missing.isEmpty()) {
            message.append("\n  expected, missing:");
            missing.forEach(l -> message.append("\n    - ").append(l));
        }
        if (!extra.isEmpty()) {
            message.append("\n  found, not expected:");
            extra.forEach(l -> message.append("\n    + ").append(l));
        }
        throw new AssertionFailedError(message.toString(), String.join("\n", expected.lines()),
                String.join("\n", actual.lines()));
    }

    /** The revisions from base to the single head, in order; fails when there is not exactly one head. */
    List<LoadedRevision> chain() {
        List<LoadedRevision> heads = graph.heads();
        if (heads.size() != 1) {
            throw new AssertionFailedError("The migrations have " + heads.size() + " heads ("
                    + String.join(", ", heads.stream().map(LoadedRevision::id).toList()) + "); a project's chain "
                    + "must end in one. Merge them: 'retort merge heads -m \"merge\"'.");
        }
        return graph.all();
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(java.util.function.Function<Runner, Work<T>> work) {
        Runner runner = new Runner(graph, Platform.forUrl(database.url()), new RuntimeSettings(settings.versionTable()),
                new RunListener() {
                });
        try (Connection connection = database.connect()) {
            return work.apply(runner).run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The test database " + database.name() + ": " + e.getMessage(), e);
        }
    }

    static List<String> ids(List<LoadedRevision> revisions) {
        List<String> ids = new ArrayList<>();
        revisions.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
