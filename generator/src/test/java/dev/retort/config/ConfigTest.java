package dev.retort.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code retort.yaml} loading, {@code ${VAR}} interpolation, choosing the database, and masking passwords. */
@DisplayName("Configuration")
class ConfigTest {

    private static final String FILE = "/app/retort.yaml";

    /** {@code "A=x", "B="} as a map. */
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return env;
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' should appear in: " + message);
        }
    }

    @Nested
    @DisplayName("interpolation")
    class Interpolating {

        static Stream<Arguments> expansions() {
            return Stream.of(
                    Arguments.of("plain text is left alone", "jdbc:postgresql://h/db", env(), "jdbc:postgresql://h/db"),
                    Arguments.of("${VAR} is replaced", "${A}", env("A=x"), "x"),
                    Arguments.of("${VAR} inside text", "pre-${A}-post", env("A=x"), "pre-x-post"),
                    Arguments.of("several variables", "${A}:${B}", env("A=x", "B=y"), "x:y"),
                    Arguments.of("${VAR} set but empty gives empty", "<${A}>", env("A="), "<>"),
                    Arguments.of("${VAR:-default} with VAR unset", "${A:-dflt}", env(), "dflt"),
                    Arguments.of("${VAR:-default} with VAR empty", "${A:-dflt}", env("A="), "dflt"),
                    Arguments.of("${VAR:-default} with VAR set", "${A:-dflt}", env("A=x"), "x"),
                    Arguments.of("${VAR:-} defaults to empty", "<${A:-}>", env(), "<>"),
                    Arguments.of("a default may hold a URL", "${U:-jdbc:postgresql://localhost:5432/app}", env(),
                            "jdbc:postgresql://localhost:5432/app"),
                    Arguments.of("$$ is a dollar sign", "pa$$word", env(), "pa$word"),
                    Arguments.of("$${VAR} is literal", "$${A}", env("A=x"), "${A}"),
                    Arguments.of("a lone $ stays", "cost $5 and $", env(), "cost $5 and $"),
                    Arguments.of("values are not expanded again", "${A}", env("A=${B}", "B=y"), "${B}"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("expansions")
        void expands(String name, String value, Map<String, String> env, String expected) {
            assertEquals(expected, Interpolation.expand(value, env, "environments.dev.url", FILE));
        }

        static Stream<Arguments> errors() {
            return Stream.of(
                    Arguments.of("an undefined ${VAR} names the variable", "${DB_URL}", List.of("${DB_URL}",
                            "DB_URL is not set", "${DB_URL:-value}")),
                    Arguments.of("an unclosed ${ shows the value", "jdbc:${DB_URL", List.of("unclosed ${",
                            "'jdbc:${DB_URL'")),
                    Arguments.of("a name starting with a digit is invalid", "${1ST}", List.of("${1ST}",
                            "not a valid variable name")),
                    Arguments.of("an empty name is invalid", "${}", List.of("${}", "not a valid variable name")),
                    Arguments.of("a shell form other than :- is invalid", "${A-b}", List.of("${A-b}",
                            "not a valid variable name")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("errors")
        void refuses(String name, String value, List<String> mentions) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Interpolation.expand(value, env("A=x"), "environments.prod.url", FILE));
            assertMentions(e.getMessage(), FILE, "environments.prod.url");
            assertMentions(e.getMessage(), mentions.toArray(String[]::new));
        }

        @Test
        @DisplayName("null stays null")
        void nullStaysNull() {
            assertNull(Interpolation.expand(null, env(), "schema", FILE));
        }
    }

    @Nested
    @DisplayName("choosing the database")
    class Precedence {

        private final RetortConfig config = new RetortConfig(Path.of(FILE), Path.of("/app"), null, null, null, Map.of(
                "dev", new EnvironmentConfig("jdbc:postgresql://dev-host/app", "dev_user", "${DEV_PASSWORD:-devpw}"),
                "test", new EnvironmentConfig("jdbc:postgresql://test-host/app", null, null),
                "prod", new EnvironmentConfig("${PROD_URL}", "${PROD_USER}", "${PROD_PASSWORD}"),
                "empty", new EnvironmentConfig(null, null, null)));

        private static final String OPTION_URL = "jdbc:postgresql://option-host/app";
        private static final String RETORT_URL = "RETORT_URL=jdbc:postgresql://retort-url-host/app";
        private static final String DATABASE_URL = "DATABASE_URL=jdbc:postgresql://database-url-host/app";

        /** name, --url, --env, environment variables, expected URL, expected source. */
        static Stream<Arguments> choices() {
            return Stream.of(
                    Arguments.of("--url beats RETORT_URL, DATABASE_URL and the environment", OPTION_URL, null,
                            env(RETORT_URL, DATABASE_URL, "RETORT_ENV=test"), OPTION_URL, "--url"),
                    Arguments.of("RETORT_URL beats DATABASE_URL and the environment", null, "test",
                            env(RETORT_URL, DATABASE_URL), "jdbc:postgresql://retort-url-host/app", "RETORT_URL"),
                    Arguments.of("DATABASE_URL beats the environment", null, "test", env(DATABASE_URL),
                            "jdbc:postgresql://database-url-host/app", "DATABASE_URL"),
                    Arguments.of("an empty RETORT_URL counts as unset", null, null,
                            env("RETORT_URL=", DATABASE_URL), "jdbc:postgresql://database-url-host/app",
                            "DATABASE_URL"),
                    Arguments.of("--env beats RETORT_ENV", null, "test", env("RETORT_ENV=dev"),
                            "jdbc:postgresql://test-host/app", "environment 'test' of " + FILE),
                    Arguments.of("RETORT_ENV beats the default", null, null, env("RETORT_ENV=test"),
                            "jdbc:postgresql://test-host/app", "environment 'test' of " + FILE),
                    Arguments.of("dev is the default", null, null, env(),
                            "jdbc:postgresql://dev-host/app", "environment 'dev' of " + FILE),
                    Arguments.of("an undefined variable in an environment not selected does not fail", null, "dev",
                            env(), "jdbc:postgresql://dev-host/app", "environment 'dev' of " + FILE),
                    Arguments.of("a selected environment is interpolated", null, "prod",
                            env("PROD_URL=jdbc:postgresql://prod-host/app", "PROD_USER=app", "PROD_PASSWORD=pw"),
                            "jdbc:postgresql://prod-host/app", "environment 'prod' of " + FILE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("choices")
        void chooses(String name, String urlOption, String envOption, Map<String, String> env, String url,
                     String source) {
            DatabaseTarget target = ConnectionResolver.resolve(config, urlOption, envOption, env);
            assertEquals(url, target.url());
            assertEquals(source, target.source());
        }

        @Test
        @DisplayName("an environment's user and password apply to it, with ${VAR:-default}")
        void environmentCredentials() {
            DatabaseTarget dev = ConnectionResolver.resolve(config, null, null, env());
            assertEquals("dev_user", dev.user());
            assertEquals("devpw", dev.password());
            DatabaseTarget prod = ConnectionResolver.resolve(config, null, "prod",
                    env("PROD_URL=jdbc:postgresql://prod-host/app", "PROD_USER=app", "PROD_PASSWORD=s3cret"));
            assertEquals("app", prod.user());
            assertEquals("s3cret", prod.password());
            assertFalse(prod.toString().contains("s3cret"), prod::toString);
        }

        @Test
        @DisplayName("a URL from an option or variable never carries the environment's user and password")
        void overridingUrlDropsEnvironmentCredentials() {
            for (DatabaseTarget t : List.of(
                    ConnectionResolver.resolve(config, OPTION_URL, "dev", env()),
                    ConnectionResolver.resolve(config, null, "dev", env(RETORT_URL)),
                    ConnectionResolver.resolve(config, null, "dev", env(DATABASE_URL)))) {
                assertNull(t.user(), t::toString);
                assertNull(t.password(), t::toString);
            }
        }

        static Stream<Arguments> refusals() {
            return Stream.of(
                    Arguments.of("an unknown --env", null, "staging", env(),
                            List.of("'staging' (from --env)", "[dev, empty, prod, test]", FILE)),
                    Arguments.of("an unknown --env even when --url is given", OPTION_URL, "staging", env(),
                            List.of("'staging' (from --env)")),
                    Arguments.of("an unknown RETORT_ENV even when RETORT_URL is given", null, null,
                            env("RETORT_ENV=qa", RETORT_URL), List.of("'qa' (from RETORT_ENV)")),
                    Arguments.of("an undefined variable in the selected environment", null, "prod", env(),
                            List.of("environments.prod.url", "PROD_URL", FILE)),
                    Arguments.of("an undefined password variable in the selected environment", null, "prod",
                            env("PROD_URL=jdbc:postgresql://prod-host/app", "PROD_USER=app"),
                            List.of("environments.prod.password", "PROD_PASSWORD")),
                    Arguments.of("an environment without url", null, "empty", env(),
                            List.of("environment 'empty' has no url", FILE)),
                    Arguments.of("a URL that is not PostgreSQL's", null, null,
                            env("DATABASE_URL=mysql://u:pw@h/db"),
                            List.of("DATABASE_URL", "not a PostgreSQL URL", "mysql://u:***@h/db")));
        }

        @ParameterizedTest(name = "refuses {0}")
        @MethodSource("refusals")
        void refuses(String name, String urlOption, String envOption, Map<String, String> env,
                     List<String> mentions) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConnectionResolver.resolve(config, urlOption, envOption, env));
            assertMentions(e.getMessage(), mentions.toArray(String[]::new));
        }

        @Test
        @DisplayName("an environment whose url and user: name different users is refused; the same user is fine")
        void conflictingUser() {
            RetortConfig both = new RetortConfig(Path.of(FILE), Path.of("/app"), null, null, null, Map.of("dev",
                    new EnvironmentConfig("jdbc:postgresql://h/app?user=postgres", "app_migrator", "pw")));
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConnectionResolver.resolve(both, null, null, env()));
            assertMentions(e.getMessage(), "environments.dev.user", "'app_migrator' versus 'postgres'", FILE);
            assertFalse(e.getMessage().contains("pw"), e::getMessage);
            RetortConfig same = new RetortConfig(Path.of(FILE), Path.of("/app"), null, null, null, Map.of("dev",
                    new EnvironmentConfig("jdbc:postgresql://h/app?user=postgres", "postgres", null)));
            assertEquals("postgres", ConnectionResolver.resolve(same, null, null, env()).user());
        }

        @Test
        @DisplayName("without a dev environment and nothing selected, says dev is the default")
        void noDefaultEnvironment() {
            RetortConfig noDev = new RetortConfig(Path.of(FILE), Path.of("/app"), null, null, null,
                    Map.of("prod", new EnvironmentConfig("jdbc:postgresql://prod/app", null, null)));
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConnectionResolver.resolve(noDev, null, null, env()));
            assertMentions(e.getMessage(), "'dev' (the default)", "[prod]");
        }
    }

    @Nested
    @DisplayName("postgres:// URLs")
    class PostgresUrls {

        /** given, JDBC URL, user, password. */
        static Stream<Arguments> conversions() {
            return Stream.of(
                    Arguments.of("postgres://app:s3cret@db.example.com:5433/orders?sslmode=require",
                            "jdbc:postgresql://db.example.com:5433/orders?sslmode=require", "app", "s3cret"),
                    Arguments.of("postgresql://app:s3cret@db.example.com/orders",
                            "jdbc:postgresql://db.example.com/orders", "app", "s3cret"),
                    Arguments.of("postgres://app@localhost/orders", "jdbc:postgresql://localhost/orders", "app", null),
                    Arguments.of("postgres://localhost:5432/orders", "jdbc:postgresql://localhost:5432/orders",
                            null, null),
                    Arguments.of("postgres://my%20user:p%40ss%3Aw%2Fd@h/db", "jdbc:postgresql://h/db", "my user",
                            "p@ss:w/d"),
                    Arguments.of("postgres://app:a+b@h/db", "jdbc:postgresql://h/db", "app", "a+b"),
                    Arguments.of("postgres://app:pw@db_1:5432/app", "jdbc:postgresql://db_1:5432/app", "app", "pw"),
                    Arguments.of("postgres://app:pw@h1:5432,h2:5433/app?targetServerType=primary",
                            "jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary", "app", "pw"),
                    Arguments.of("postgres://app:pw@[::1]:5432/app", "jdbc:postgresql://[::1]:5432/app", "app", "pw"),
                    Arguments.of("postgres:///app", "jdbc:postgresql://localhost/app", null, null),
                    Arguments.of("  jdbc:postgresql://h:5432/db?user=app  ", "jdbc:postgresql://h:5432/db?user=app",
                            null, null));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("conversions")
        void converts(String given, String url, String user, String password) {
            DatabaseTarget t = ConnectionResolver.fromUrl(given, "DATABASE_URL");
            assertEquals(url, t.url());
            assertEquals(user, t.user());
            assertEquals(password, t.password());
            assertEquals("DATABASE_URL", t.source());
        }

        @Test
        @DisplayName("a malformed postgres:// URL is refused with its password masked")
        void malformed() {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConnectionResolver.fromUrl("postgres://u:hunter2@h/db name", "RETORT_URL"));
            assertMentions(e.getMessage(), "RETORT_URL", "malformed", "u:***@");
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("masking passwords")
    class Masking {

        static Stream<Arguments> urls() {
            return Stream.of(
                    Arguments.of("jdbc:postgresql://h/db?user=app&password=s3cret",
                            "jdbc:postgresql://h/db?user=app&password=***"),
                    Arguments.of("jdbc:postgresql://h/db?password=s3cret&user=app",
                            "jdbc:postgresql://h/db?password=***&user=app"),
                    Arguments.of("jdbc:postgresql://h/db?user=app&PASSWORD=s3cret",
                            "jdbc:postgresql://h/db?user=app&PASSWORD=***"),
                    Arguments.of("jdbc:postgresql://h/db?sslpassword=s3cret&password=s3cret",
                            "jdbc:postgresql://h/db?sslpassword=***&password=***"),
                    Arguments.of("jdbc:postgresql://h/db?password=&user=app",
                            "jdbc:postgresql://h/db?password=***&user=app"),
                    Arguments.of("postgres://app:s3cret@h:5432/db", "postgres://app:***@h:5432/db"),
                    Arguments.of("postgresql://app:s3cret@h/db?sslmode=require",
                            "postgresql://app:***@h/db?sslmode=require"),
                    Arguments.of("postgres://app:p@ss/w@rd@h/db", "postgres://app:***@h/db"),
                    Arguments.of("mysql://app:s3cret@h/db", "mysql://app:***@h/db"),
                    Arguments.of("postgres://app@h/db", "postgres://app@h/db"),
                    Arguments.of("jdbc:postgresql://h:5432/db?user=app", "jdbc:postgresql://h:5432/db?user=app"),
                    Arguments.of("jdbc:postgresql://h/db?user=passwordless", "jdbc:postgresql://h/db?user=passwordless"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("urls")
        void masksUrl(String url, String masked) {
            assertEquals(masked, Secrets.maskUrl(url));
        }

        @Test
        @DisplayName("null stays null, and scrub replaces a secret wherever it appears")
        void scrubs() {
            assertNull(Secrets.maskUrl(null));
            assertEquals("login *** failed for ***", Secrets.scrub("login s3cret failed for s3cret", "s3cret"));
            assertEquals("unchanged", Secrets.scrub("unchanged", null));
            assertEquals("unchanged", Secrets.scrub("unchanged", ""));
        }

        @Test
        @DisplayName("a target prints its URL masked and never its password")
        void targetToString() {
            DatabaseTarget t = new DatabaseTarget("jdbc:postgresql://h/db?password=inurl", "app", "separate",
                    "--url");
            assertEquals("jdbc:postgresql://h/db?password=*** as app (--url)", t.toString());
        }
    }

    @Nested
    @DisplayName("loading retort.yaml")
    class Loading {

        @TempDir
        Path dir;

        private Path write(String yaml) throws IOException {
            Path file = dir.resolve("retort.yaml");
            Files.writeString(file, yaml);
            return file;
        }

        private ConfigException refused(String yaml) throws IOException {
            Path file = write(yaml);
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env()));
            assertFalse(e.getMessage().contains("\n"), () -> "one paragraph: " + e.getMessage());
            return e;
        }

        @Test
        @DisplayName("reads every key and interpolates the top-level ones")
        void readsEverything() throws IOException {
            Path file = write("""
                    migrations:
                      directory: ${MIGRATIONS_DIR:-db/migrations}
                      package: com.example.migrations
                    version_table: ${VERSION_TABLE}
                    schema: app
                    environments:
                      dev:
                        url: jdbc:postgresql://localhost/app
                      prod:
                        url: ${PROD_URL}
                        user: app
                        password: ${PROD_PASSWORD}
                    """);
            RetortConfig config = ConfigLoader.load(file, env("VERSION_TABLE=schema_version"));
            assertEquals(file.toAbsolutePath().normalize(), config.file());
            assertEquals(dir.toAbsolutePath().normalize(), config.baseDirectory());
            assertEquals(new MigrationsConfig("db/migrations", "com.example.migrations"), config.migrations());
            assertEquals("schema_version", config.versionTable());
            assertEquals("app", config.schema());
            assertEquals(List.of("dev", "prod"), List.copyOf(config.environments().keySet()));
            assertEquals("${PROD_URL}", config.environments().get("prod").url(),
                    "environments are interpolated only when selected");
        }

        @Test
        @DisplayName("malformed YAML names the file and line, in one paragraph")
        void malformedYaml() throws IOException {
            ConfigException e = refused("""
                    migrations:
                      directory: migrations
                    environments:
                      dev:
                        url: jdbc:postgresql://localhost/app
                      - stray: [unclosed
                    """);
            assertMentions(e.getMessage(), dir.resolve("retort.yaml") + ":6: ", "Fix the YAML");
        }

        @Test
        @DisplayName("an unclosed quote names the file and line")
        void unclosedQuote() throws IOException {
            ConfigException e = refused("""
                    migrations:
                      directory: "migrations
                    schema: app
                    """);
            assertMentions(e.getMessage(), dir.resolve("retort.yaml") + ":");
        }

        static Stream<Arguments> unknownKeys() {
            return Stream.of(
                    Arguments.of("""
                            migrations:
                              directory: migrations
                            enviroments:
                              dev:
                                url: jdbc:postgresql://localhost/app
                            """, 3, "enviroments", "the top level"),
                    Arguments.of("""
                            migrations:
                              directory: migrations
                              packag: app.migrations
                            """, 3, "packag", "'migrations'"),
                    Arguments.of("""
                            environments:
                              dev:
                                url: jdbc:postgresql://localhost/app
                                pasword: x
                            """, 4, "pasword", "'environments.dev'"));
        }

        @ParameterizedTest(name = "unknown key ''{2}'' under {3}")
        @MethodSource("unknownKeys")
        void unknownKey(String yaml, int line, String key, String under) throws IOException {
            ConfigException e = refused(yaml);
            assertMentions(e.getMessage(), dir.resolve("retort.yaml") + ":" + line + ": unknown key '" + key + "'",
                    "under " + under, "Known keys there");
        }

        @Test
        @DisplayName("a missing file names the path and how to create it")
        void missingFile() {
            Path file = dir.resolve("nowhere/retort.yaml");
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env()));
            assertMentions(e.getMessage(), file.toString(), "retort init");
        }

        @Test
        @DisplayName("an empty file is refused")
        void emptyFile() throws IOException {
            assertMentions(refused("\n").getMessage(), "is empty");
        }

        @Test
        @DisplayName("an undefined variable in a top-level key names it")
        void undefinedTopLevelVariable() throws IOException {
            assertMentions(refused("schema: ${APP_SCHEMA}\n").getMessage(), "schema", "APP_SCHEMA",
                    dir.resolve("retort.yaml").toString());
        }
    }
}
