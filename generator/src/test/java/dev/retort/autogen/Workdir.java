package dev.retort.autogen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.CliContext;
import dev.retort.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A project folder for one round trip: a {@code retort.yaml} naming the entity classes and the test database,
 * a migrations folder, and the command line run in this JVM from the folder with a fixed clock.
 */
final class Workdir {

    /** What one command returned and printed. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");

    private final Path root;
    private final String url;

    Workdir(Path root, String url) throws IOException {
        this.root = root;
        this.url = url;
        Files.createDirectories(migrations());
    }

    Path migrations() {
        return root.resolve("migrations");
    }

    /**
     * Points {@code retort.yaml} at the entities compiled into {@code classes}, with this physical naming strategy
     * ({@code null} for Hibernate's default) and these Hibernate settings.
     */
    void configure(Path classes, String physicalNaming, Map<String, String> settings) {
        String hibernate = (physicalNaming == null ? "" : "  naming:\n    physical: " + physicalNaming + "\n")
                + (settings.isEmpty() ? "" : "  settings:\n" + settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> "    " + e.getKey() + ": \"" + e.getValue() + "\"\n").collect(Collectors.joining()));
        String yaml = """
                entities:
                  packages: [%s]
                  classpath: ["%s"]
                %smigrations:
                  directory: migrations
                  package: rt.migrations
                environments:
                  dev:
                    url: "%s"
                """.formatted(Model.PACKAGE, classes, hibernate, url);
        try {
            Files.writeString(root.resolve("retort.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of(), root, Clock.fixed(NOW, ZoneOffset.UTC), () -> "0123456789ab");
        int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs a command that must succeed. */
    Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    /** The migration file of revision {@code id}. */
    Path migration(String id) {
        return migrationFiles().stream().filter(p -> p.getFileName().toString().startsWith("V" + id))
                .findFirst().orElseThrow(() -> new AssertionError("No migration " + id + " in " + migrationFiles()));
    }

    /** Deletes every migration file of revision {@code id} and of the parts it was split into ({@code id_1}, ...). */
    void deleteMigrations(String id) {
        for (Path file : migrationFiles()) {
            if (file.getFileName().toString().startsWith("V" + id)) {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    Path onlyMigration() {
        List<Path> files = migrationFiles();
        assertEquals(1, files.size(), files::toString);
        return files.get(0);
    }

    private List<Path> migrationFiles() {
        try (Stream<Path> list = Files.list(migrations())) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
