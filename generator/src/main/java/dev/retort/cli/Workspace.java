package dev.retort.cli;

import dev.retort.FileAccessException;
import dev.retort.RetortException;
import dev.retort.autogenerate.Autogenerator;
import dev.retort.autogenerate.SchemaPlatform;
import dev.retort.catalog.CatalogFilter;
import dev.retort.config.ApplicationSettings;
import dev.retort.config.ConfigException;
import dev.retort.config.ConfigLoader;
import dev.retort.config.ConnectionResolver;
import dev.retort.config.DatabaseTarget;
import dev.retort.config.EntitiesConfig;
import dev.retort.config.EnvironmentConfig;
import dev.retort.config.LockConfig;
import dev.retort.config.RetortConfig;
import dev.retort.hibernate.EntitySource;
import dev.retort.hibernate.NamingSettings;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.platform.Platform;
import dev.retort.render.MigrationSource;
import dev.retort.runtime.RunListener;
import dev.retort.runtime.Runner;
import dev.retort.runtime.RuntimeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Everything a command works with, resolved from options, environment and {@code retort.yaml}: the
 * configuration, the migrations (compiled from their folder, or loaded from a package), the database
 * connection and the runner. Each is loaded on first use, so {@code history} never touches the database.
 */
final class Workspace {

    /** The global command-line options. */
    record Options(Path config, String env, String url, Path migrations, String migrationsPackage,
                   List<Path> classpath, List<String> packages, String naming) {
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    private final CliContext context;
    private final Options options;
    private RetortConfig config;
    private RevisionGraph graph;
    private ClassLoader classLoader;
    private List<Path> classpathEntries;
    private ApplicationSettings applicationSettings;

    Workspace(CliContext context, Options options) {
        this.context = context;
        this.options = options;
    }

    CliContext context() {
        return context;
    }

    RetortConfig config() {
        if (config == null) {
            Path file = options.config() != null
                    ? context.workingDirectory().resolve(options.config())
                    : context.workingDirectory().resolve("retort.yaml");
            // The migrations on the command line are enough for the commands that need no database (sql, history,
            // show, ...); those that connect say so when nothing names a database.
            boolean fromOptions = options.config() == null && !Files.exists(file)
                    && (options.migrations() != null || options.migrationsPackage() != null
                        || context.configure() != null);
            config = fromOptions ? RetortConfig.none(context.workingDirectory())
                    : ConfigLoader.load(file, context.env(), options.config() != null);
            if (context.configure() != null) {
                config = context.configure().apply(config);
            }
        }
        return config;
    }

    /** The folder of migration sources, or {@code null} when migrations come from a package on the class path. */
    Path migrationsDirectory() {
        if (options.migrations() != null) {
            return context.workingDirectory().resolve(options.migrations()).normalize();
        }
        String configured = config().migrations().directory();
        return configured == null ? null : resolveSetting(configured, "migrations.directory");
    }

    /** Where {@link #migrationsDirectory} comes from, for advice: the option, or the key and its file. */
    private String migrationsSetting() {
        return options.migrations() != null ? "--migrations" : "migrations.directory in " + describeConfig();
    }

    /** A path from retort.yaml, relative to its folder. */
    private Path resolveSetting(String value, String key) {
        try {
            return config().baseDirectory().resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(describeConfig() + ": " + key + " '" + value + "' is not a valid path: "
                    + e.getReason() + ".");
        }
    }

    /**
     * Writes new migrations' sources where {@link #newMigrationFile} puts them and returns the files: all of them,
     * or none when one cannot be written. Refuses to overwrite a file.
     */
    List<Path> writeNewMigrations(List<MigrationSource> sources) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (MigrationSource source : sources) {
            Path file = newMigrationFile(source.fileName());
            if (Files.exists(file)) {
                throw new RetortException(file + " already exists; choose another --rev-id or message.");
            }
            files.put(file, source.render());
        }
        NewFiles.create(List.of(), files, "Make the migrations folder writable, or point " + migrationsSetting()
                + " at another folder.");
        return List.copyOf(files.keySet());
    }

    /**
     * Where a new migration file goes: the package's folder under the migrations folder when the migrations
     * folder is a source root (it holds that folder, or is named {@code java} as in {@code src/main/java}),
     * else the migrations folder itself.
     */
    private Path newMigrationFile(String fileName) {
        Path dir = migrationsDirectory();
        if (dir == null) {
            throw new ConfigException("This command writes a migration source file, so it needs a migrations folder: "
                    + "set migrations.directory in " + describeConfig() + " or pass --migrations DIR.");
        }
        String pkg = migrationsPackage();
        if (pkg != null && !pkg.isEmpty()) {
            Path packageDir = dir.resolve(pkg.replace('.', '/'));
            boolean sourceRoot = dir.getFileName() != null && dir.getFileName().toString().equals("java");
            if (Files.isDirectory(packageDir) || sourceRoot) {
                return packageDir.resolve(fileName);
            }
        }
        return dir.resolve(fileName);
    }

    /** The migrations' Java package: the option, the configuration, or what the existing sources declare. */
    String migrationsPackage() {
        if (options.migrationsPackage() != null) {
            return options.migrationsPackage();
        }
        if (config().migrations().packageName() != null) {
            return config().migrations().packageName();
        }
        Path dir = migrationsDirectory();
        if (dir != null && Files.isDirectory(dir)) {
            List<Path> sources;
            String advice = "Make it readable, or point " + migrationsSetting() + " elsewhere.";
            try (Stream<Path> files = Files.walk(dir)) {
                sources = files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                        .sorted().toList();
            } catch (IOException e) {
                throw new FileAccessException("read the migrations folder", dir, e, advice);
            } catch (UncheckedIOException e) {
                throw new FileAccessException("read the migrations folder", dir, e.getCause(), advice);
            }
            for (Path p : sources) {
                try {
                    Matcher m = PACKAGE.matcher(Files.readString(p));
                    if (m.find()) {
                        return m.group(1);
                    }
                } catch (IOException e) {
                    throw new FileAccessException("read the migration source", p, e, "Make it readable, or move it "
                            + "out of the migrations folder.");
                }
            }
        }
        return null;
    }

    RevisionGraph graph() {
        if (graph == null) {
            Path dir = migrationsDirectory();
            if (dir != null) {
                // Sources compile against Retort's own class path, so the entities' class path plays no part.
                graph = RevisionGraph.fromSources(dir, Workspace.class.getClassLoader());
            } else if (migrationsPackage() != null) {
                graph = RevisionGraph.fromPackage(classLoader(), migrationsPackage());
            } else {
                throw new ConfigException("No migrations configured: set migrations.directory (or migrations.package "
                        + "for compiled migrations) in " + describeConfig() + ", or pass --migrations DIR.");
            }
        }
        return graph;
    }

    /**
     * The loader for entities and compiled migrations: {@code --classpath} (relative to the working directory),
     * else {@code entities.classpath} (relative to retort.yaml), over Retort's own classes.
     */
    private ClassLoader classLoader() {
        if (classLoader != null) {
            return classLoader;
        }
        ClassLoader parent = Workspace.class.getClassLoader();
        List<Path> entries = classpathEntries();
        if (entries.isEmpty()) {
            classLoader = parent;
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigException("Bad class path entry " + entry + ": " + e.getMessage());
            }
        }
        classLoader = new URLClassLoader(urls.toArray(URL[]::new), parent);
        return classLoader;
    }

    /** The entities' class path as given, each entry checked to exist and, when a file, to be a jar. */
    private List<Path> classpathEntries() {
        if (classpathEntries != null) {
            return classpathEntries;
        }
        List<Path> entries = new ArrayList<>();
        String from;
        if (!options.classpath().isEmpty()) {
            options.classpath().forEach(p -> entries.add(context.workingDirectory().resolve(p)));
            from = "--classpath";
        } else {
            config().entities().classpath().forEach(p -> entries.add(resolveSetting(p, "entities.classpath")));
            from = "entities.classpath in " + describeConfig();
        }
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new ConfigException("Class path entry " + entry.normalize() + " (from " + from + ") does not "
                        + "exist. Build the project first (mvn compile), or correct the path.");
            }
            requireReadableJar(entry, from);
        }
        classpathEntries = List.copyOf(entries);
        return classpathEntries;
    }

    /**
     * The settings the application's own files state (Spring Boot's application.properties / .yml, a
     * persistence.xml) on the entities' class path; none when the entities come from Retort's own class path.
     */
    ApplicationSettings applicationSettings() {
        if (applicationSettings == null) {
            applicationSettings = ApplicationSettings.read(classpathEntries(), context.env());
        }
        return applicationSettings;
    }

    /**
     * A class path file must be a jar the class loader can open; it would otherwise skip it without a word, and the
     * package scan fail later without saying where the entry came from.
     */
    private static void requireReadableJar(Path entry, String from) {
        if (!Files.isRegularFile(entry)) {
            return;
        }
        try (ZipFile ignored = new ZipFile(entry.toFile())) {
            // opens: a jar
        } catch (IOException e) {
            throw new ConfigException("Class path entry " + entry.normalize() + " (from " + from + ") cannot be read "
                    + "as a jar: " + FileAccessException.reason(entry.normalize(), e) + ". Rebuild it (a Git LFS "
                    + "pointer or a half-downloaded file is not a jar), or take it off the class path.", e);
        }
    }

    /** The entity classes to compare: packages from {@code --package} or {@code entities.packages}. */
    EntitySource entities() {
        List<String> packages = !options.packages().isEmpty() ? options.packages() : config().entities().packages();
        if (packages.isEmpty()) {
            throw new ConfigException("No entity packages to compare: set entities.packages (and entities.classpath) "
                    + "in " + describeConfig() + ", or pass --package NAME --classpath PATHS.");
        }
        if (packages.stream().anyMatch(String::isBlank)) {
            throw new ConfigException("An entity package name is empty (" + (options.packages().isEmpty()
                    ? "entities.packages in " + describeConfig() : "--package") + "); name the packages of the "
                    + "@Entity classes, such as com.acme.model.");
        }
        return new EntitySource(schemaPlatform().hibernate(), classLoader(), packages, naming(), hibernateSettings());
    }

    /**
     * The naming strategies: {@code --naming}, else entities.naming in retort.yaml, else what the application's
     * own files say (or Spring Boot's default when it is on the class path), strategy by strategy.
     */
    NamingSettings naming() {
        return new NamingSettings(valueOf(strategy(true)), valueOf(strategy(false)));
    }

    /** One naming strategy and where it comes from; null for Hibernate's default. */
    private ApplicationSettings.Setting strategy(boolean physical) {
        String option = options.naming();
        if (option != null) {
            // --naming gives both strategies as a preset, the physical one alone as a class name.
            return physical || isPreset(option) ? new ApplicationSettings.Setting(option, "--naming") : null;
        }
        EntitiesConfig.NamingConfig naming = config().entities().naming();
        String which = physical ? "physical" : "implicit";
        String yaml = physical ? naming.physical() : naming.implicit();
        ApplicationSettings.Setting app = physical ? applicationSettings().physicalNaming()
                : applicationSettings().implicitNaming();
        return yaml == null ? app : new ApplicationSettings.Setting(yaml, "entities.naming." + which + " in "
                + describeConfig() + (app == null ? "" : "; it wins over " + app.origin()));
    }

    /** Hibernate's settings: the application's own, each overridden by entities.settings in retort.yaml. */
    Map<String, String> hibernateSettings() {
        Map<String, String> settings = new TreeMap<>();
        hibernateSettingsAndOrigins().forEach((k, v) -> settings.put(k, v.value()));
        return settings;
    }

    private Map<String, ApplicationSettings.Setting> hibernateSettingsAndOrigins() {
        Map<String, ApplicationSettings.Setting> settings = new TreeMap<>(applicationSettings().hibernate());
        config().entities().settings().forEach((key, value) -> {
            ApplicationSettings.Setting fromApp = settings.get(key);
            settings.put(key, new ApplicationSettings.Setting(value, "entities.settings in " + describeConfig()
                    + (fromApp == null ? "" : "; it wins over " + fromApp.origin())));
        });
        return settings;
    }

    private static String valueOf(ApplicationSettings.Setting setting) {
        return setting == null ? null : setting.value();
    }

    /**
     * For {@code --verbose}: each setting that changes the entities' DDL or picks the database, its value and where
     * it came from (passwords never shown), then what the application's files hold that was not used.
     */
    List<String> describeSettings() {
        List<String> lines = new ArrayList<>();
        for (boolean physical : new boolean[] {true, false}) {
            ApplicationSettings.Setting s = strategy(physical);
            lines.add("naming." + (physical ? "physical" : "implicit") + " = "
                    + (s == null ? "Hibernate's default (nothing sets it)" : s.value() + " (" + s.origin() + ")"));
        }
        hibernateSettingsAndOrigins().forEach((key, s) -> lines.add(key + " = " + s.value() + " (" + s.origin() + ")"));
        lines.add("database = " + describeTarget());
        applicationSettings().notes().forEach(n -> lines.add("not used: " + n));
        return lines;
    }

    private static boolean isPreset(String name) {
        return name.equals(NamingSettings.DEFAULT_PRESET) || name.equals(NamingSettings.SPRING_PRESET);
    }

    /** What Retort manages: everything but the version table and what retort.yaml excludes. */
    CatalogFilter filter() {
        return new CatalogFilter(versionTable(), config().include(), config().exclude());
    }

    /** The target database's schema side: catalog reading, spellings, Hibernate's dialect. */
    SchemaPlatform schemaPlatform() {
        return SchemaPlatform.of(platform());
    }

    /** Autogenerate for this workspace: its platform, filter and schemas. */
    Autogenerator autogenerator() {
        return new Autogenerator(schemaPlatform(), filter()).schemas(schemas());
    }

    String versionTable() {
        String configured = config().versionTable();
        return configured == null ? RuntimeSettings.DEFAULT_VERSION_TABLE : configured;
    }

    String schema() {
        return config().schema();
    }

    /** The schemas retort.yaml's {@code schemas:} names; empty for the working one and those the entities use. */
    List<String> schemas() {
        return config().schemas();
    }

    /**
     * The database: as the options, environment and retort.yaml choose it; when retort.yaml has no {@code dev}
     * environment, the application's own development database (spring.datasource.*, a persistence unit's JDBC
     * settings) stands in for it.
     */
    DatabaseTarget target() {
        RetortConfig config = config();
        ApplicationSettings.Datasource app = config.environments().containsKey(ConnectionResolver.DEFAULT_ENVIRONMENT)
                || classpathEntriesOrEmpty().isEmpty() ? null : applicationSettings().datasource();
        if (app == null) {
            return ConnectionResolver.resolve(config, options.url(), options.env(), context.env());
        }
        Map<String, EnvironmentConfig> environments = new TreeMap<>(config.environments());
        environments.put(ConnectionResolver.DEFAULT_ENVIRONMENT, EnvironmentConfig.ofValues(valueOf(app.url()),
                valueOf(app.user()), valueOf(app.password())));
        RetortConfig withApp = new RetortConfig(config.file(), config.baseDirectory(), config.migrations(),
                config.versionTable(), config.schema(), environments, config.entities(), config.include(),
                config.exclude(), config.schemas(), config.lint(), config.locks(), config.online());
        DatabaseTarget target = ConnectionResolver.resolve(withApp, options.url(), options.env(), context.env());
        return target.source().startsWith("environment '" + ConnectionResolver.DEFAULT_ENVIRONMENT + "'")
                ? new DatabaseTarget(target.url(), target.user(), target.password(), app.url().origin())
                : target;
    }

    private List<Path> classpathEntriesOrEmpty() {
        try {
            return classpathEntries();
        } catch (ConfigException e) {
            return List.of();
        }
    }

    /** The selected database for messages, password masked; never fails. */
    String describeTarget() {
        try {
            return target().toString();
        } catch (RuntimeException e) {
            return "(not resolved: " + e.getMessage() + ")";
        }
    }

    /** A connection to the selected database, its search path set to the configured schema. */
    Connection connect() {
        return Database.connect(target(), schema());
    }

    Runner runner(RunListener listener) {
        return runner(listener, LockConfig.defaults());
    }

    /**
     * The database's platform, from its JDBC URL; PostgreSQL for the commands that need no database (an offline
     * script), whose environment may not resolve at all.
     */
    Platform platform() {
        String url;
        try {
            url = target().url();
        } catch (RetortException e) {
            return Platform.postgres();
        }
        return Platform.forUrl(url);
    }

    /**
     * Why {@code retort lint}'s rules do not apply to this database, or {@code null} when they do: the rules are
     * PostgreSQL's locks and safe forms (CONCURRENTLY, NOT VALID, lock_timeout), which say nothing true of MariaDB.
     */
    String lintUnavailable() {
        Platform p = platform();
        return p == Platform.postgres() ? null : "Lint's rules are PostgreSQL's (its locks and their safe forms); "
                + p.name() + "'s are not written yet, so nothing was linted (docs/databases.md).";
    }

    /** A runner waiting for locks as retort.yaml says, with {@code options} (the command line's) winning. */
    Runner runner(RunListener listener, LockConfig options) {
        LockConfig locks = config().locks().overriddenBy(options);
        return new Runner(graph(), platform(), new RuntimeSettings(versionTable(), locks.lockTimeout(),
                locks.lockRetries() == null ? 0 : locks.lockRetries(), locks.lockRetryDelay()), listener);
    }

    private String describeConfig() {
        return config().file() == null ? "retort.yaml" : config().file().toString();
    }
}
