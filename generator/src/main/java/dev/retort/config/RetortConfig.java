package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of {@code retort.yaml}. Relative paths are resolved against {@code baseDirectory}, the folder
 * holding the file.
 *
 * @param schema       the PostgreSQL schema Retort works in (its version table lives there); {@code null}
 *                     for the connection's default ({@code public})
 * @param versionTable the table recording applied revisions
 * @param include      name patterns ({@code *}, {@code ?}) of the tables, sequences and types Retort manages;
 *                     empty for all
 * @param exclude      name patterns of those it leaves alone
 * @param schemas      the PostgreSQL schemas {@code generate} and {@code check} compare; empty for the working
 *                     schema and every schema the entities name
 * @param lint         the lint rules' levels ({@code lint.rules})
 * @param locks        how upgrades wait for locks ({@code lock_timeout}, {@code lock_retries}, {@code lock_retry_delay})
 * @param online       {@code safety: online}: generate writes the lock-safe form of every change, as --online
 */
public record RetortConfig(Path file, Path baseDirectory, MigrationsConfig migrations, String versionTable,
                           String schema, Map<String, EnvironmentConfig> environments, EntitiesConfig entities,
                           List<String> include, List<String> exclude, List<String> schemas, LintConfig lint,
                           LockConfig locks, boolean online) {

    public RetortConfig {
        lint = lint == null ? LintConfig.defaults() : lint;
        locks = locks == null ? LockConfig.defaults() : locks;
        environments = environments == null ? Map.of() : new TreeMap<>(environments);
        migrations = migrations == null ? new MigrationsConfig(null, null) : migrations;
        entities = entities == null ? new EntitiesConfig(null, null, null, null) : entities;
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
    }

    public RetortConfig(Path file, Path baseDirectory, MigrationsConfig migrations, String versionTable,
                        String schema, Map<String, EnvironmentConfig> environments, EntitiesConfig entities,
                        List<String> include, List<String> exclude, List<String> schemas) {
        this(file, baseDirectory, migrations, versionTable, schema, environments, entities, include, exclude, schemas,
                null, null, false);
    }

    public RetortConfig(Path file, Path baseDirectory, MigrationsConfig migrations, String versionTable,
                        String schema, Map<String, EnvironmentConfig> environments, EntitiesConfig entities,
                        List<String> include, List<String> exclude) {
        this(file, baseDirectory, migrations, versionTable, schema, environments, entities, include, exclude, null);
    }

    public RetortConfig(Path file, Path baseDirectory, MigrationsConfig migrations, String versionTable,
                        String schema, Map<String, EnvironmentConfig> environments) {
        this(file, baseDirectory, migrations, versionTable, schema, environments, null, null, null, null);
    }

    /** The configuration used when there is no {@code retort.yaml} and everything comes from options. */
    public static RetortConfig none(Path baseDirectory) {
        return new RetortConfig(null, baseDirectory, null, null, null, Map.of());
    }

    /** The shape of the YAML document; Jackson reads this, {@link ConfigLoader} completes it. */
    record Document(@JsonProperty("migrations") MigrationsConfig migrations,
                    @JsonProperty("version_table") String versionTable,
                    @JsonProperty("schema") String schema,
                    @JsonProperty("environments") Map<String, EnvironmentConfig> environments,
                    @JsonProperty("entities") EntitiesConfig entities,
                    @JsonProperty("include") List<String> include,
                    @JsonProperty("exclude") List<String> exclude,
                    @JsonProperty("schemas") List<String> schemas,
                    @JsonProperty("lint") LintConfig.Document lint,
                    @JsonProperty("lock_timeout") String lockTimeout,
                    @JsonProperty("lock_retries") Integer lockRetries,
                    @JsonProperty("lock_retry_delay") String lockRetryDelay,
                    @JsonProperty("safety") String safety) {
    }
}
