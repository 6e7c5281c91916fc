package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(FreshDatabase.class)
@DisplayName("Offline SQL scripts")
class OfflineScriptTest {

    @Test
    @DisplayName("sql base:head applied with psql gives the same catalog as upgrade head; head:base undoes it")
    void scriptMatchesOnlineUpgrade(TestDatabase online) throws Exception {
        try (Project p = Project.create(online); TestDatabase offline = TestDatabase.create()) {
            Chain.write(p);
            Cli.Result up = p.run("upgrade");
            assertEquals(0, up.exit(), up::toString);

            Cli.Result script = p.cli().run("--url", "jdbc:postgresql://127.0.0.1:1/unreachable", "sql", "base:head");
            assertEquals(0, script.exit(), script::toString);
            assertEquals("", script.err(), "offline mode needs no database and reports nothing");
            assertEquals(5, script.out().lines().filter("BEGIN;"::equals).count(), script.out());
            assertEquals(5, script.out().lines().filter("COMMIT;"::equals).count(), script.out());
            psql(offline, script.out(), p.root());
            assertEquals(online.snapshot(), offline.snapshot());
            assertEquals(rows(online), rows(offline));
            assertEquals(history(online), history(offline), "the script logs each revision as the runner does");

            Cli.Result down = p.run("downgrade", "--sql", "head:base");
            assertEquals(0, down.exit(), down::toString);
            psql(offline, down.out(), p.root());
            CatalogSnapshot afterDown = offline.snapshot();
            assertEquals(List.of(), afterDown.withoutRetort("retort_version").lines(), afterDown::toString);
            assertTrue(afterDown.lines().containsAll(List.of("table retort_version", "table retort_version_history",
                    "column retort_version.version_num character varying(64) not null")), afterDown::toString);
            assertTrue(history(offline).endsWith(",5e6f7a8b9c0d downgrade,4d5e6f7a8b9c downgrade,3c4d5e6f7a8b "
                    + "downgrade,2b3c4d5e6f7a downgrade,1a2b3c4d5e6f downgrade"), history(offline));
        }
    }

    @Test
    @DisplayName("upgrade --sql FROM:TO scripts only that range, starting from the recorded revision")
    void scriptsARange(TestDatabase db) {
        try (Project p = Project.create(db)) {
            Chain.write(p);
            Cli.Result r = p.run("upgrade", "--sql", Chain.R3 + ":" + Chain.R5);
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("-- Running upgrade 3c4d5e6f7a8b -> 4d5e6f7a8b9c, index entry titles"), r.out());
            assertTrue(r.out().contains("UPDATE retort_version SET version_num = '5e6f7a8b9c0d' WHERE version_num = '4d5e6f7a8b9c'"), r.out());
            assertTrue(!r.out().contains("CREATE TABLE users")
                    && !r.out().contains("CREATE TABLE IF NOT EXISTS retort_version ("), r.out());
        }
    }

    /** How a project names, or fails to name, a database: none of it may matter to a command that uses none. */
    record Setup(String name, Consumer<Project> apply, List<String> options, Map<String, String> env) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> offlineCommands() {
        List<Setup> setups = List.of(
                new Setup("no retort.yaml, migrations and package as options", p -> p.delete(p.config()),
                        List.of("--migrations", "migrations", "--migrations-package", Project.PACKAGE), Map.of()),
                new Setup("no retort.yaml, the package read from the sources", p -> p.delete(p.config()),
                        List.of("--migrations", "migrations"), Map.of()),
                new Setup("a retort.yaml without environments", p -> p.writeConfig("""
                        migrations:
                          directory: migrations
                          package: %s
                        """.formatted(Project.PACKAGE)), List.of(), Map.of()),
                new Setup("a retort.yaml whose environment variables are unset", p -> p.writeConfig("""
                        migrations:
                          directory: migrations
                          package: %s
                        environments:
                          dev:
                            url: ${RETORT_OFFLINE_TEST_DEV_URL}
                          prod:
                            url: ${PROD_URL}
                            password: ${PROD_PASSWORD}
                        """.formatted(Project.PACKAGE)), List.of("--env", "prod"), Map.of()),
                new Setup("RETORT_ENV naming an environment whose variables are unset", p -> p.writeConfig("""
                        migrations:
                          directory: migrations
                        environments:
                          prod:
                            url: ${PROD_URL}
                        """), List.of(), Map.of("RETORT_ENV", "prod")));
        List<String> commands = List.of("sql base:head", "sql head:" + Chain.R2, "upgrade --sql head",
                "upgrade --sql " + Chain.R2 + ":head", "downgrade --sql head:base", "history",
                "history -r " + Chain.R2 + ":" + Chain.R4, "heads", "branches", "show " + Chain.R3);
        return setups.stream().flatMap(setup -> commands.stream().map(command -> Arguments.of(setup, command)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("offlineCommands")
    @DisplayName("commands that use no database need only the migrations")
    void needOnlyTheMigrations(Setup setup, String command) {
        try (Project p = Project.withoutDatabase()) {
            Chain.write(p);
            Cli.Result expected = p.run(command.split(" "));
            assertEquals(0, expected.exit(), expected::toString);
            setup.apply().accept(p);
            Cli cli = p.cli();
            setup.env().forEach(cli::env);
            List<String> args = new ArrayList<>(setup.options());
            args.addAll(List.of(command.split(" ")));
            Cli.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r::toString);
            assertEquals("", r.err(), r::toString);
            assertEquals(expected.out(), r.out());
        }
    }

    @Test
    @DisplayName("generate --empty writes a migration after the head with no retort.yaml and no database")
    void generatesEmptyWithoutConfiguration() throws IOException {
        try (Project p = Project.withoutDatabase()) {
            Chain.write(p);
            p.delete(p.config());
            Cli.Result r = p.run("--migrations", "migrations", "generate", "--empty", "backfill");
            assertEquals(0, r.exit(), r::toString);
            Path file = p.migrationsDir().resolve("V0123456789ab_backfill.java");
            assertEquals("Generating " + file + " ... done\n", r.out());
            String source = Files.readString(file);
            assertTrue(source.startsWith("package " + Project.PACKAGE + ";"), source);
            assertTrue(source.contains("parent = \"" + Chain.R5 + "\""), source);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current", "upgrade", "downgrade base", "stamp head", "check"})
    @DisplayName("commands that connect, with no database configured, say how to name one")
    void commandsThatConnectSayHowToNameADatabase(String command) {
        try (Project p = Project.withoutDatabase()) {
            Chain.write(p);
            p.delete(p.config());
            List<String> args = new ArrayList<>(List.of("--migrations", "migrations", "--package", "com.acme.model"));
            args.addAll(List.of(command.split(" ")));
            Cli.Result r = p.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().startsWith("ERROR: No database is configured: there is no retort.yaml in " + p.root()),
                    r::toString);
            assertTrue(r.err().contains("--url JDBC_URL"), r::toString);
        }
    }

    private static String rows(TestDatabase db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(version_num, ',') FROM retort_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The history's revisions and operations, oldest first (times and durations differ run to run). */
    private static String history(TestDatabase db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(revision || ' ' || operation, ',' ORDER BY applied_at) "
                     + "FROM retort_version_history")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Applies a script with the real psql client, stopping at the first error. */
    static void psql(TestDatabase db, String script, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("script.sql");
        Files.writeString(file, script);
        String libpqUrl = db.url().substring("jdbc:".length());
        Process psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpqUrl, "-f", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, psql.exitValue(), "psql failed:\n" + output);
    }
}
