package dev.retort.cli;

import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway project folder for command-line tests: a {@code retort.yaml} whose {@code dev} environment
 * points at the test's database, and a migrations folder to write hand-made migrations into.
 */
final class Project implements AutoCloseable {

    static final String PACKAGE = "app.migrations";

    /** Port 1 of the local host, where no PostgreSQL listens. */
    static final String UNREACHABLE_URL = "jdbc:postgresql://127.0.0.1:1/no_database_here";

    private final Path root;
    private final TestDatabase db;

    private Project(Path root, TestDatabase db) {
        this.root = root;
        this.db = db;
    }

    static Project create(TestDatabase db) {
        try {
            Path root = Files.createTempDirectory("retort-project");
            Project p = new Project(root, db);
            Files.createDirectories(p.migrationsDir());
            p.writeConfigWithUrl(db.url());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A project for the commands that need no database: its {@code dev} environment points where no server listens,
     * so a command that tried to connect would fail.
     */
    static Project withoutDatabase() {
        try {
            Project p = new Project(Files.createTempDirectory("retort-project"), null);
            Files.createDirectories(p.migrationsDir());
            p.writeConfigWithUrl(UNREACHABLE_URL);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path migrationsDir() {
        return root.resolve("migrations");
    }

    Path config() {
        return root.resolve("retort.yaml");
    }

    TestDatabase db() {
        return db;
    }

    Cli cli() {
        return new Cli(root);
    }

    /** Runs the command line from the project folder. */
    Cli.Result run(String... args) {
        return cli().run(args);
    }

    /** {@link #run}, asserting the exit code (the result in the failure message). */
    Cli.Result expect(int exit, String... args) {
        Cli.Result r = run(args);
        org.junit.jupiter.api.Assertions.assertEquals(exit, r.exit(), r::toString);
        return r;
    }

    /** The standard configuration with the {@code dev} environment's url replaced. */
    void writeConfigWithUrl(String url) {
        writeConfigWithUrl(url, "");
    }

    /** The same, followed by {@code extraYaml} (top-level keys such as {@code lock_timeout: 5s}). */
    void writeConfigWithUrl(String url, String extraYaml) {
        writeConfig("""
                migrations:
                  directory: migrations
                  package: %s
                environments:
                  dev:
                    url: %s
                %s""".formatted(PACKAGE, url, extraYaml));
    }

    /** The standard configuration plus an {@code entities:} section for packages on the test class path. */
    void writeConfigWithEntities(String packageName, String extraEntitiesYaml) {
        writeConfig("""
                migrations:
                  directory: migrations
                  package: %s
                entities:
                  packages: [%s]
                %s
                environments:
                  dev:
                    url: %s
                """.formatted(PACKAGE, packageName, extraEntitiesYaml.indent(2).stripTrailing(), db.url()));
    }

    void writeConfig(String yaml) {
        write(config(), yaml);
    }

    /**
     * Writes a migration class. {@code upgrade} and {@code downgrade} are Java statements using {@code op}.
     *
     * @return the file written
     */
    Path migration(String id, List<String> parents, String message, String upgrade, String downgrade) {
        String parentAttr = parents.isEmpty() ? "" : ", parent = {" + parents.stream().map(p -> "\"" + p + "\"")
                .collect(Collectors.joining(", ")) + "}";
        String source = """
                package %s;

                import dev.retort.migration.*;
                import dev.retort.schema.*;

                @Revision(id = "%s"%s, message = "%s")
                public final class V%s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        %s
                    }

                    @Override
                    public void downgrade(Operations op) {
                        %s
                    }
                }
                """.formatted(PACKAGE, id, parentAttr, message, id, upgrade, downgrade);
        Path file = migrationsDir().resolve("V" + id + ".java");
        write(file, source);
        return file;
    }

    void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The migration files written so far, by name. */
    List<Path> migrationFiles() {
        try (Stream<Path> files = Files.list(migrationsDir())) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
