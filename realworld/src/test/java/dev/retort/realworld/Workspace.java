package dev.retort.realworld;

import dev.retort.cli.CliContext;
import dev.retort.cli.Main;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway project folder as a user would have it: a {@code retort.yaml} naming one corpus version's packages
 * and jars and the test's database, a migrations folder, and the command line run in this JVM.
 */
final class Workspace implements AutoCloseable {

    /** What one run returned and printed. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static final Instant FIXED_TIME = Instant.parse("2026-12-02T10:00:00Z");

    private final Path root;
    private final TestDatabase db;
    private final AtomicInteger revisions = new AtomicInteger();

    Workspace(TestDatabase db) {
        this.db = db;
        try {
            this.root = Files.createTempDirectory("retort-realworld");
            Files.createDirectories(root.resolve("migrations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points {@code retort.yaml} at {@code version}'s entities (as a user does after bumping a dependency). */
    void use(Corpus.Version version) {
        Corpus.Project project = version.project();
        String classpath = version.jars().stream().map(j -> "    - " + quoted(j.toString()))
                .collect(Collectors.joining("\n"));
        String settings = project.settings().entrySet().stream()
                .map(e -> "    " + e.getKey() + ": " + quoted(e.getValue())).collect(Collectors.joining("\n"));
        write(root.resolve("retort.yaml"), """
                migrations:
                  directory: migrations
                  package: corpus.migrations
                entities:
                  packages: [%s]
                  classpath:
                %s
                  settings:
                %s
                %s
                environments:
                  dev:
                    url: %s
                """.formatted(String.join(", ", project.packages()), classpath, settings.isEmpty() ? "    {}" : settings,
                naming(project.naming()), quoted(db.url())));
    }

    /**
     * The naming the project's application gives Hibernate, Hibernate's own written out as {@code default}: some
     * corpus class paths hold Spring Boot, whose default naming Retort would otherwise take, though these projects
     * configure Hibernate themselves.
     */
    private static String naming(Corpus.Naming naming) {
        return "  naming:\n"
                + "    physical: " + (naming.physical() == null ? "default" : quoted(naming.physical())) + "\n"
                + "    implicit: " + (naming.implicit() == null ? "default" : quoted(naming.implicit())) + "\n";
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of(), root, Clock.fixed(FIXED_TIME, ZoneOffset.UTC),
                () -> "%012x".formatted(0xa00000000L + revisions.incrementAndGet()));
        int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    List<Path> migrationFiles() {
        try (Stream<Path> files = Files.walk(root.resolve("migrations"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
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
