package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input the runtime and command line meet: each is refused with exit code 2 and one
 * message on stderr naming the culprit, no stack trace, and the database exactly as it was.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Bad input")
class ErrorCasesTest {

    /** What a case runs, with which extra environment variables, the strings its message must contain, and
     * how to put the project right again afterwards (so the test can check the recorded revision). */
    record Attempt(List<String> args, Map<String, String> env, List<String> culprits, Runnable repair) {
        Attempt(List<String> args, List<String> culprits, Runnable repair) {
            this(args, Map.of(), culprits, repair);
        }
    }

    /** One row of a table of cases: a name for the report and how to break a project with the chain at R2. */
    record Case(String name, Function<Project, Attempt> arrange) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String R6 = "6f7a8b9c0d1e";

    // ---------------------------------------------------------------------------------------------------------

    private static Project chainAt(TestDatabase db, String target) {
        Project p = Project.create(db);
        Chain.write(p);
        ok(p.run("upgrade", target));
        return p;
    }

    private static Cli.Result ok(Cli.Result r) {
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private static String current(Project p) {
        return ok(p.run("current")).out().strip();
    }

    /** Exit 2, one ERROR paragraph on stderr naming every culprit, nothing on stdout, no stack trace. */
    private static Cli.Result refused(Cli.Result r, List<String> culprits) {
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("ERROR: "), () -> "an ERROR line on stderr\n" + r);
        for (String culprit : culprits) {
            assertTrue(r.err().contains(culprit), () -> "the message should name '" + culprit + "'\n" + r);
        }
        assertEquals("", r.out(), () -> "nothing on stdout\n" + r);
        assertNoStackTrace(r);
        return r;
    }

    private static void assertNoStackTrace(Cli.Result r) {
        for (String stream : List.of(r.out(), r.err())) {
            assertFalse(stream.contains("\tat ") || stream.contains("Caused by:") || stream.contains("Exception in"),
                    () -> "no stack trace\n" + r);
        }
    }

    private static void assertNeverShown(Cli.Result r, String... secrets) {
        for (String secret : secrets) {
            assertFalse(r.all().contains(secret), () -> "'" + secret + "' must never be printed\n" + r);
        }
    }

    /**
     * Runs the case against a project whose database is at R2, and checks nothing changed: not the catalog, not the
     * version table, and not a file or folder of the project.
     */
    private static void assertRefusedAndUntouched(TestDatabase db, Case c) {
        try (Project p = chainAt(db, Chain.R2)) {
            CatalogSnapshot before = db.snapshot();
            Attempt attempt = c.arrange().apply(p);
            try {
                List<String> files = tree(p.root());
                Cli cli = p.cli();
                attempt.env().forEach(cli::env);
                Cli.Result r = refused(cli.run(attempt.args().toArray(String[]::new)), attempt.culprits());
                assertFalse(r.err().contains("unexpected"), () -> "an anticipated error\n" + r);
                assertEquals(files, tree(p.root()), "no file or folder was written, not even half of one");
                assertEquals(before, db.snapshot(), "the catalog is unchanged");
            } finally {
                attempt.repair().run();
            }
            assertEquals(Chain.R2, current(p), "the version table still records R2");
        }
    }

    /** Every path under {@code root} with its size (links not followed), sorted. */
    private static List<String> tree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(f -> {
                try {
                    return root.relativize(f) + " " + Files.readAttributes(f, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS).size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }

    private static String versionRows(TestDatabase db, String table) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(version_num, ',' ORDER BY version_num) FROM " + table)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code jdbc:postgresql://host:port/db} of the test database, without user or other parameters. */
    private static String bareUrl(TestDatabase db) {
        String url = db.url();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String withParam(String url, String param) {
        return url + (url.contains("?") ? "&" : "?") + param;
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("in the migrations is refused before anything runs")
    class Migrations {

        static Stream<Case> cases() {
            return Stream.of(
                    new Case("a revision id declared twice names the id and both files", p -> {
                        Path first = p.migrationsDir().resolve("V" + Chain.R3 + ".java");
                        Path twin = p.migrationsDir().resolve("VTwin.java");
                        p.write(twin, migrationSource("VTwin", Chain.R3, Chain.R2));
                        return new Attempt(List.of("upgrade"), List.of("Revision id " + Chain.R3,
                                first.toString(), twin.toString()), () -> p.delete(twin));
                    }),
                    new Case("a missing parent names the revision, its file and the parent", p -> {
                        Path orphan = p.migration(R6, List.of("ffffeeeedddd"), "orphan", "", "");
                        return new Attempt(List.of("upgrade"), List.of(R6, orphan.toString(), "ffffeeeedddd"),
                                () -> p.delete(orphan));
                    }),
                    new Case("a cycle names the revisions and their files", p -> {
                        Path a = p.migration("aaaa00000001", List.of("bbbb00000002"), "a", "", "");
                        Path b = p.migration("bbbb00000002", List.of("aaaa00000001"), "b", "", "");
                        return new Attempt(List.of("upgrade"), List.of("cycle", "aaaa00000001", "bbbb00000002",
                                a.toString(), b.toString()), () -> {
                            p.delete(a);
                            p.delete(b);
                        });
                    }),
                    new Case("two heads when upgrade needs one names both heads and their files", p -> {
                        Path a = p.migration("aaaa11112222", List.of(Chain.R5), "feature a", "", "");
                        Path b = p.migration("bbbb11112222", List.of(Chain.R5), "feature b", "", "");
                        return new Attempt(List.of("upgrade"), List.of("2 heads", "aaaa11112222", "bbbb11112222",
                                a.toString(), b.toString()), () -> {
                            p.delete(a);
                            p.delete(b);
                        });
                    }),
                    new Case("a migration that does not compile shows the compiler's message, file and line", p -> {
                        Path broken = p.migration(R6, List.of(Chain.R5), "broken",
                                "op.createTabel(\"oops\");", "");
                        // The upgrade body sits on line 10 of the generated source.
                        return new Attempt(List.of("upgrade"), List.of("do not compile",
                                broken + ":10", "cannot find symbol", "createTabel"), () -> p.delete(broken));
                    }),
                    new Case("a class implementing Migration without @Revision names the file and class", p -> {
                        Path bare = p.migrationsDir().resolve("VNoRevision.java");
                        p.write(bare, migrationSource("VNoRevision", null, null));
                        return new Attempt(List.of("upgrade"), List.of(bare.toString(), "@Revision",
                                Project.PACKAGE + ".VNoRevision"), () -> p.delete(bare));
                    }));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void refuses(Case c, TestDatabase db) {
            assertRefusedAndUntouched(db, c);
        }
    }

    @Nested
    @DisplayName("in the target is refused with the target named")
    class Targets {

        static Stream<Case> cases() {
            return Stream.of(
                    new Case("an unknown revision", p ->
                            new Attempt(List.of("upgrade", "9z9z"), List.of("'9z9z'"), () -> { })),
                    new Case("an ambiguous prefix names every revision it matches", p -> {
                        Path twin = p.migration("1a2bffffffff", List.of(Chain.R5), "same prefix", "", "");
                        return new Attempt(List.of("upgrade", "1a2b"), List.of("'1a2b'", "ambiguous",
                                Chain.R1, "1a2bffffffff"), () -> p.delete(twin));
                    }),
                    new Case("a downgrade below base", p ->
                            new Attempt(List.of("downgrade", "-9"), List.of("-9", "below base"), () -> { })),
                    new Case("a downgrade to a revision that is not applied", p ->
                            new Attempt(List.of("downgrade", Chain.R4), List.of(Chain.R4, "not applied"), () -> { })),
                    new Case("an upgrade past the head", p ->
                            new Attempt(List.of("upgrade", "+9"), List.of("+9", "past the head"), () -> { })));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void refuses(Case c, TestDatabase db) {
            assertRefusedAndUntouched(db, c);
        }
    }

    @Nested
    @DisplayName("in the configuration is refused naming the file, key or variable")
    class Configuration {

        static Stream<Case> cases() {
            return Stream.of(
                    new Case("a missing retort.yaml names the path it looked at", p -> {
                        String saved = read(p.config());
                        p.delete(p.config());
                        return new Attempt(List.of("upgrade"), List.of(p.config().toString(), "retort init"),
                                () -> p.writeConfig(saved));
                    }),
                    new Case("a missing --config file names that file", p -> {
                        Path other = p.root().resolve("conf/other.yaml");
                        return new Attempt(List.of("--config", "conf/other.yaml", "upgrade"),
                                List.of(other.toString()), () -> { });
                    }),
                    new Case("malformed YAML names the file and line", p -> {
                        String saved = read(p.config());
                        p.writeConfig(saved + "  - stray: [unclosed\n");
                        int line = (int) saved.lines().count() + 1;
                        return new Attempt(List.of("upgrade"), List.of(p.config() + ":" + line),
                                () -> p.writeConfig(saved));
                    }),
                    new Case("an unknown key names the key and its line", p -> {
                        String saved = read(p.config());
                        p.writeConfig(saved.replace("environments:", "enviroments:"));
                        return new Attempt(List.of("upgrade"), List.of(p.config() + ":4: unknown key 'enviroments'"),
                                () -> p.writeConfig(saved));
                    }),
                    new Case("an undefined ${VAR} names the variable, the key and the file", p -> {
                        String saved = read(p.config());
                        p.writeConfig(saved.replace(p.db().url(), "${RETORT_ERRTEST_DB_URL}"));
                        return new Attempt(List.of("upgrade"), List.of("RETORT_ERRTEST_DB_URL",
                                "environments.dev.url", p.config().toString()), () -> p.writeConfig(saved));
                    }),
                    new Case("an unknown --env names it and the environments there are", p ->
                            new Attempt(List.of("--env", "staging", "upgrade"),
                                    List.of("'staging' (from --env)", "[dev]", p.config().toString()), () -> { })),
                    new Case("an unknown RETORT_ENV names it and where it came from", p ->
                            new Attempt(List.of("upgrade"), Map.of("RETORT_ENV", "qa"),
                                    List.of("'qa' (from RETORT_ENV)", "[dev]"), () -> { })),
                    new Case("an unknown --env is an error even when --url is given", p ->
                            new Attempt(List.of("--env", "staging", "--url", p.db().url(), "upgrade"),
                                    List.of("'staging'"), () -> { })),
                    new Case("an empty version_table names the key and the file", p -> {
                        String saved = read(p.config());
                        p.writeConfig(saved + "version_table: \"\"\n");
                        return new Attempt(List.of("upgrade"), List.of(p.config().toString(),
                                "version_table is empty"), () -> p.writeConfig(saved));
                    }),
                    new Case("an environment without settings names it and its line", p -> {
                        String saved = read(p.config());
                        p.writeConfig(saved.substring(0, saved.indexOf("environments:")) + "environments:\n  dev:\n");
                        return new Attempt(List.of("upgrade"), List.of(p.config() + ":", "'environments.dev' has no "
                                + "value"), () -> p.writeConfig(saved));
                    }),
                    new Case("an empty list item names the list and the item's line", p -> {
                        String saved = read(p.config());
                        p.writeConfig(saved + "exclude:\n  - legacy_*\n  -\n");
                        return new Attempt(List.of("upgrade"), List.of(p.config() + ":", "'exclude[1]' has no value"),
                                () -> p.writeConfig(saved));
                    }),
                    new Case("a command that connects, with no database configured, says how to name one", p -> {
                        String saved = read(p.config());
                        p.writeConfig(saved.substring(0, saved.indexOf("environments:")));
                        return new Attempt(List.of("upgrade"), List.of("No database is configured",
                                p.config() + " defines no environments", "--url"), () -> p.writeConfig(saved));
                    }),
                    new Case("a command that connects, without retort.yaml, says how to name a database", p -> {
                        String saved = read(p.config());
                        p.delete(p.config());
                        return new Attempt(List.of("--migrations", "migrations", "upgrade"), List.of(
                                "No database is configured", "no retort.yaml in " + p.root(), "--url", "RETORT_URL"),
                                () -> p.writeConfig(saved));
                    }));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void refuses(Case c, TestDatabase db) {
            assertRefusedAndUntouched(db, c);
        }
    }

    @Nested
    @DisplayName("in the file system is refused naming the path and the fix, and leaves nothing half-written")
    class FileSystem {

        static final String NEW_FILE = "V0123456789ab_";

        static Stream<Case> cases() {
            return Stream.of(
                    new Case("generate into a migrations folder that may not be written names the file and setting", p -> {
                        Runnable undo = readOnly(p.migrationsDir());
                        return new Attempt(List.of("generate", "--empty", "read only"), List.of("Cannot write "
                                + p.migrationsDir().resolve(NEW_FILE), "migrations.directory in " + p.config()), undo);
                    }),
                    new Case("generate into a source root whose package folder is a file names that file", p -> {
                        Path blocker = p.root().resolve("src/main/java/app");
                        p.write(blocker, "not a folder");
                        return new Attempt(List.of("--migrations", "src/main/java", "generate", "--empty", "blocked"),
                                List.of(blocker + " is a file, not a folder", "--migrations"),
                                () -> p.delete(blocker));
                    }),
                    new Case("a --rev-id longer than the version table holds is refused before any file is written",
                            p -> new Attempt(List.of("generate", "--empty", "long", "--rev-id", "a".repeat(65)),
                                    List.of("65 characters", "at most 64"), () -> { })),
                    new Case("a migrations folder that is a file names it", p -> new Attempt(
                            List.of("--migrations", "retort.yaml", "upgrade"),
                            List.of(p.config() + " is a file, not a folder", "--migrations"), () -> { })),
                    new Case("a migrations folder inside a file names the file in the way", p -> new Attempt(
                            List.of("--migrations", "retort.yaml/migrations", "history"),
                            List.of(p.config().resolve("migrations").toString(), p.config() + " is a file"),
                            () -> { })),
                    new Case("a migration source that cannot be read names it", p -> {
                        // Reading /proc/self/mem from its start fails with an I/O error, for root too.
                        assumeTrue(Files.isRegularFile(Path.of("/proc/self/mem")), "needs Linux's /proc");
                        Path link = p.migrationsDir().resolve("VUnreadable.java");
                        try {
                            Files.createSymbolicLink(link, Path.of("/proc/self/mem"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return new Attempt(List.of("upgrade"), List.of("Cannot read the migration source " + link),
                                () -> p.delete(link));
                    }),
                    new Case("a class path jar that is not a jar names it and where it came from", p -> {
                        Path jar = p.root().resolve("lib/entities.jar");
                        p.write(jar, "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n");
                        return new Attempt(List.of("--classpath", "lib/entities.jar", "--package", "com.acme.model",
                                "check"), List.of(jar + " (from --classpath) cannot be read as a jar"),
                                () -> p.delete(jar));
                    }),
                    new Case("a --config that is a folder names it", p -> new Attempt(
                            List.of("--config", "migrations", "upgrade"),
                            List.of("Cannot read the configuration file " + p.migrationsDir(), "--config"), () -> { })),
                    new Case("a --config inside a file names the file in the way", p -> new Attempt(
                            List.of("--config", "retort.yaml/other.yaml", "upgrade"),
                            List.of(p.config().resolve("other.yaml").toString(), p.config() + " is a file"),
                            () -> { })),
                    new Case("init inside a file names the file in the way", p -> new Attempt(
                            List.of("init", "retort.yaml/app"), List.of(p.config() + " is a file"), () -> { })),
                    new Case("init whose migrations folder cannot be created writes no retort.yaml either", p ->
                            new Attempt(List.of("--migrations", "../retort.yaml/migrations", "init", "app"),
                                    List.of("Cannot create the folder " + p.config().resolve("migrations"),
                                            p.config() + " is a file"), () -> { })));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void refuses(Case c, TestDatabase db) {
            assertRefusedAndUntouched(db, c);
        }

        /**
         * Makes {@code folder} unwritable, for root as well (whom permissions do not stop: then with chattr +i), and
         * returns what undoes it; skips the test where neither works.
         */
        private static Runnable readOnly(Path folder) {
            Set<PosixFilePermission> saved = permissions(folder);
            setPermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            Runnable undo = () -> setPermissions(folder, saved);
            if (writable(folder)) {
                boolean immutable = chattr("+i", folder);
                Runnable perms = undo;
                undo = () -> {
                    if (immutable) {
                        chattr("-i", folder);
                    }
                    perms.run();
                };
                if (!immutable || writable(folder)) {
                    undo.run();
                    assumeTrue(false, "Cannot make " + folder + " unwritable: running as root where chattr +i "
                            + "is not allowed");
                }
            }
            return undo;
        }

        private static boolean writable(Path folder) {
            try {
                Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean chattr(String flag, Path path) {
            try {
                Process chattr = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
                chattr.getInputStream().readAllBytes();
                return chattr.waitFor() == 0;
            } catch (IOException e) {
                return false; // no chattr
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static Set<PosixFilePermission> permissions(Path path) {
            try {
                return Files.getPosixFilePermissions(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void setPermissions(Path path, Set<PosixFilePermission> permissions) {
            try {
                Files.setPosixFilePermissions(path, permissions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Nested
    @DisplayName("around the project is survived or refused clearly")
    class Surroundings {

        @Test
        @DisplayName("a cache folder that cannot be created only costs speed")
        void unusableCacheFolder() {
            try (Project p = Project.withoutDatabase()) {
                Chain.write(p);
                String expected = ok(p.run("sql", "base:head")).out();
                String previous = System.getProperty("retort.cache.dir");
                System.setProperty("retort.cache.dir", p.config().resolve("cache").toString());
                try {
                    Cli.Result r = ok(p.run("sql", "base:head"));
                    assertEquals(expected, r.out());
                    assertEquals("", r.err());
                } finally {
                    if (previous == null) {
                        System.clearProperty("retort.cache.dir");
                    } else {
                        System.setProperty("retort.cache.dir", previous);
                    }
                }
            }
        }

        @Test
        @DisplayName("standard output that cannot be written is an error, not a silent success")
        void unwritableStandardOutput() {
            try (Project p = Project.withoutDatabase()) {
                Chain.write(p);
                OutputStream full = new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("No space left on device");
                    }
                };
                StringWriter err = new StringWriter();
                CliContext context = new CliContext(Map.of(), p.root(), Clock.systemUTC(), () -> "0123456789ab");
                int exit = Main.run(context, new PrintWriter(full, true), new PrintWriter(err, true),
                        "sql", "base:head");
                assertEquals(2, exit, err::toString);
                assertTrue(err.toString().startsWith("ERROR: Cannot write to standard output"), err::toString);
                assertFalse(err.toString().contains("unexpected"), err::toString);
            }
        }
    }

    @Nested
    @DisplayName("that no one explained still reads as one paragraph naming the culprit")
    class Unanticipated {

        @Test
        @DisplayName("an I/O error names the path and the reason")
        void ioError() {
            String message = RetortCommand.message(new UncheckedIOException(
                    new AccessDeniedException("/srv/app/migrations/V1.java")), null);
            assertTrue(message.startsWith("Cannot access /srv/app/migrations/V1.java: permission denied."), message);
            assertFalse(message.contains("unexpected"), message);
        }

        @Test
        @DisplayName("a database error names PostgreSQL's message and SQLSTATE")
        void databaseError() {
            String message = RetortCommand.message(new SQLException("ERROR: boom", "XX000"), null);
            assertEquals("Database error: ERROR: boom [SQLSTATE XX000]", message);
        }
    }

    @Nested
    @DisplayName("in the connection is refused with the server, database or user named")
    class ConnectionErrors {

        @Test
        @DisplayName("an unreachable server names the URL and where it came from")
        void unreachableServer(TestDatabase db) {
            try (Project p = chainAt(db, Chain.R2)) {
                CatalogSnapshot before = db.snapshot();
                refused(p.run("--url", "jdbc:postgresql://127.0.0.1:1/x", "upgrade"),
                        List.of("jdbc:postgresql://127.0.0.1:1/x", "--url", "Cannot connect"));
                assertEquals(before, db.snapshot());
                assertEquals(Chain.R2, current(p));
            }
        }

        @Test
        @DisplayName("an unknown database names the database")
        void unknownDatabase(TestDatabase db) {
            try (Project p = chainAt(db, Chain.R2)) {
                CatalogSnapshot before = db.snapshot();
                String missing = db.url().replace("/" + db.name(), "/retort_no_such_database");
                Cli.Result r = refused(p.run("--url", missing, "upgrade"),
                        List.of("retort_no_such_database", "does not exist", "--url"));
                assertFalse(r.err().contains(db.name()), r::toString);
                assertEquals(before, db.snapshot());
                assertEquals(Chain.R2, current(p));
            }
        }

        @Test
        @DisplayName("a wrong password names the user, never either password")
        void wrongPassword(TestDatabase db) throws Exception {
            db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'retort_pwcheck') THEN "
                    + "CREATE ROLE retort_pwcheck LOGIN PASSWORD 'right-secret'; END IF; END $$");
            assumeTrue(wrongPasswordRejected(bareUrl(db)), "The server accepts any password for retort_pwcheck "
                    + "(trust authentication); add 'host all retort_pwcheck 127.0.0.1/32 scram-sha-256' before the "
                    + "trust lines of pg_hba.conf and reload to run this test.");
            try (Project p = chainAt(db, Chain.R2)) {
                CatalogSnapshot before = db.snapshot();
                p.writeConfig("""
                        migrations:
                          directory: migrations
                          package: %s
                        environments:
                          dev:
                            url: %s
                            user: retort_pwcheck
                            password: ${RETORT_PWCHECK_PASSWORD}
                        """.formatted(Project.PACKAGE, bareUrl(db)));
                Cli.Result r = p.cli().env("RETORT_PWCHECK_PASSWORD", "wrong-secret-123").run("upgrade");
                refused(r, List.of("'retort_pwcheck'", "Password authentication failed", "environment 'dev'",
                        p.config().toString()));
                assertNeverShown(r, "wrong-secret-123", "right-secret");
                Cli.Result verbose = p.cli().env("RETORT_PWCHECK_PASSWORD", "wrong-secret-123")
                        .run("current", "--verbose");
                assertEquals(2, verbose.exit(), verbose::toString);
                assertNeverShown(verbose, "wrong-secret-123", "right-secret");
                assertEquals(before, db.snapshot());
            }
        }

        private static boolean wrongPasswordRejected(String url) {
            Properties props = new Properties();
            props.setProperty("user", "retort_pwcheck");
            props.setProperty("password", "wrong-secret-123");
            try (Connection ignored = DriverManager.getConnection(url, props)) {
                return false;
            } catch (SQLException e) {
                return "28P01".equals(e.getSQLState());
            }
        }
    }

    @Nested
    @DisplayName("from a failing migration rolls its revision back")
    class FailingMigrations {

        @Test
        @DisplayName("a migration that throws after real work names the revision, file and exception")
        void migrationThatThrows(TestDatabase db) {
            try (Project p = chainAt(db, "head")) {
                CatalogSnapshot before = db.snapshot();
                Path file = p.migration(R6, List.of(Chain.R5), "throws",
                        """
                        op.createTable("half_done", Column.of("id", "bigint"));
                                throw new IllegalStateException("boom in " + getClass().getSimpleName());""",
                        "op.dropTable(\"half_done\");");
                refused(p.run("upgrade"), List.of("Upgrade of revision " + R6, fileName(file),
                        "IllegalStateException: boom in V" + R6, "remains at revision " + Chain.R5));
                assertFalse(db.snapshot().has("table half_done"), "the work before the throw is rolled back");
                assertEquals(before, db.snapshot());
                assertEquals(Chain.R5, current(p));
            }
        }

        @Test
        @DisplayName("a migration whose SQL fails half way names the revision, file, statement and error")
        void migrationWithBadSql(TestDatabase db) {
            try (Project p = chainAt(db, "head")) {
                CatalogSnapshot before = db.snapshot();
                Path file = p.migration(R6, List.of(Chain.R5), "bad sql",
                        """
                        op.createTable("half_done", Column.of("id", "bigint"));
                                op.addColumn("tags", Column.of("color", "varchar(7)"));
                                op.execute("INSERT INTO no_such_table VALUES (1)");""",
                        "op.dropTable(\"half_done\");");
                refused(p.run("upgrade"), List.of(R6, fileName(file), "INSERT INTO no_such_table VALUES (1)",
                        "\"no_such_table\" does not exist", "42P01", "remains at revision " + Chain.R5));
                assertFalse(db.snapshot().has("table half_done"));
                assertFalse(db.snapshot().has("column tags.color"));
                assertEquals(before, db.snapshot());
                assertEquals(Chain.R5, current(p));
            }
        }

        @Test
        @DisplayName("the first migration failing on an empty database leaves it empty")
        void firstMigrationFailsFromBase(TestDatabase db) {
            try (Project p = Project.create(db)) {
                CatalogSnapshot before = db.snapshot();
                Path file = p.migration(Chain.R1, List.of(), "throws",
                        """
                        op.createTable("half_done", Column.of("id", "bigint"));
                                throw new IllegalStateException("boom");""",
                        "op.dropTable(\"half_done\");");
                refused(p.run("upgrade"), List.of(Chain.R1, fileName(file), "boom", "remains at base"));
                assertEquals(before, db.snapshot(), "not even the version table is left behind");
                assertEquals("", current(p));
            }
        }

        @Test
        @DisplayName("a downgrade that throws leaves the revision applied")
        void downgradeThatThrows(TestDatabase db) {
            try (Project p = chainAt(db, "head")) {
                Path file = p.migration(R6, List.of(Chain.R5), "no way back",
                        "op.createTable(\"kept\", Column.of(\"id\", \"bigint\"));",
                        """
                        op.dropTable("kept");
                                throw new UnsupportedOperationException("cannot undo");""");
                ok(p.run("upgrade"));
                CatalogSnapshot before = db.snapshot();
                refused(p.run("downgrade", "-1"), List.of("Downgrade of revision " + R6, fileName(file),
                        "cannot undo", "remains at revision " + R6));
                assertEquals(before, db.snapshot());
                assertTrue(db.snapshot().has("table kept"));
                assertTrue(current(p).startsWith(R6), () -> current(p));
            }
        }
    }

    @Nested
    @DisplayName("in the version table is refused naming the table")
    class VersionTables {

        @Test
        @DisplayName("a database stamped with a revision the code does not know names that revision")
        void unknownRevisionInDatabase(TestDatabase db) {
            try (Project p = Project.create(db)) {
                Chain.write(p);
                db.execute("CREATE TABLE retort_version (version_num varchar(64) NOT NULL, "
                                + "CONSTRAINT retort_version_pkc PRIMARY KEY (version_num))",
                        "INSERT INTO retort_version VALUES ('deadbeef0000')");
                CatalogSnapshot before = db.snapshot();
                for (String command : List.of("upgrade", "current")) {
                    refused(p.run(command), List.of("deadbeef0000", "retort_version", "stamp"));
                }
                refused(p.run("downgrade", "base"), List.of("deadbeef0000", "retort_version"));
                assertEquals(before, db.snapshot());
                assertEquals("deadbeef0000", versionRows(db, "retort_version"));
            }
        }

        @Test
        @DisplayName("a version table from something else names the table and its columns")
        void foreignVersionTable(TestDatabase db) {
            try (Project p = Project.create(db)) {
                Chain.write(p);
                db.execute("CREATE TABLE retort_version (id serial PRIMARY KEY, applied_at timestamptz)");
                CatalogSnapshot before = db.snapshot();
                for (String command : List.of("upgrade", "current", "stamp head")) {
                    refused(p.run(command.split(" ")), List.of("public.retort_version", "applied_at",
                            "not a Retort version table", "version_table"));
                }
                assertEquals(before, db.snapshot());
            }
        }
    }

    @Nested
    @DisplayName("never shows a password")
    class Passwords {

        @Test
        @DisplayName("a password parameter in --url is masked in a connection error")
        void maskedInUrlOption(TestDatabase db) {
            try (Project p = Project.create(db)) {
                Cli.Result r = refused(p.run("--url", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2",
                        "upgrade"), List.of("password=***", "127.0.0.1:1"));
                assertNeverShown(r, "hunter2");
            }
        }

        @Test
        @DisplayName("the password of a postgres:// DATABASE_URL is never shown")
        void maskedInDatabaseUrl(TestDatabase db) {
            try (Project p = Project.create(db)) {
                Cli.Result r = p.cli().env("DATABASE_URL", "postgres://u:hunter2@127.0.0.1:1/x").run("upgrade");
                refused(r, List.of("DATABASE_URL", "127.0.0.1:1"));
                assertNeverShown(r, "hunter2");
            }
        }

        @Test
        @DisplayName("a malformed URL is shown with its password masked")
        void maskedInMalformedUrl(TestDatabase db) {
            try (Project p = Project.create(db)) {
                Cli.Result r = p.cli().env("RETORT_URL", "mysql://u:hunter2@127.0.0.1:1/x").run("upgrade");
                refused(r, List.of("RETORT_URL", "not a PostgreSQL URL", "mysql://u:***@127.0.0.1:1/x"));
                assertNeverShown(r, "hunter2");
            }
        }

        @Test
        @DisplayName("current --verbose and upgrade --verbose on a working database never print it")
        void notInVerboseOutput(TestDatabase db) {
            try (Project p = Project.create(db)) {
                Chain.write(p);
                String url = withParam(db.url(), "password=hunter2");
                List<Cli.Result> runs = new ArrayList<>();
                runs.add(ok(p.run("--url", url, "upgrade", "--verbose")));
                runs.add(ok(p.run("--url", url, "current", "--verbose")));
                runs.add(ok(p.cli().env("RETORT_URL", url).run("current", "--verbose")));
                runs.add(ok(p.cli().env("DATABASE_URL", "postgres://postgres:hunter2@"
                        + bareUrl(db).substring("jdbc:postgresql://".length())).run("current", "--verbose")));
                p.writeConfig("""
                        migrations:
                          directory: migrations
                        environments:
                          dev:
                            url: %s
                            password: ${APP_DB_PASSWORD}
                        """.formatted(db.url()));
                runs.add(ok(p.cli().env("APP_DB_PASSWORD", "hunter2").run("current", "--verbose")));
                for (Cli.Result r : runs) {
                    assertTrue(r.all().contains(Chain.R5), r::toString);
                    assertNeverShown(r, "hunter2");
                }
                runs.subList(1, runs.size()).forEach(r -> assertTrue(r.out().contains("Database: "), r::toString));
                assertTrue(runs.get(1).out().contains("password=***"), runs.get(1)::toString);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A migration class named {@code className}; without {@code id}, one lacking its {@code @Revision}. */
    private static String migrationSource(String className, String id, String parent) {
        String annotation = id == null ? "" : "@Revision(id = \"" + id + "\""
                + (parent == null ? "" : ", parent = \"" + parent + "\"") + ", message = \"" + className + "\")\n";
        return """
                package %s;

                import dev.retort.migration.*;

                %spublic final class %s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                    }

                    @Override
                    public void downgrade(Operations op) {
                    }
                }
                """.formatted(Project.PACKAGE, annotation, className);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
