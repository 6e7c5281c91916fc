package dev.retort.junit;

import dev.retort.config.ConfigLoader;
import dev.retort.config.EntitiesConfig;
import dev.retort.config.RetortConfig;
import dev.retort.hibernate.NamingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Where a test class's project keeps its migrations and entities: {@link RetortTest}'s attributes, each overridden by
 * its system property {@code retort.test.NAME}, laid over {@code retort.yaml} (the attribute {@code config}, else the
 * working directory's file when the attributes name no migrations).
 *
 * @param config              the retort.yaml read, or {@code null}
 * @param migrationsDirectory a folder of migration sources, or {@code null}
 * @param migrationsPackage   the package of compiled migrations (or of the sources), or {@code null}
 * @param entityClasspath     where the entities are when they are not on the test class path (retort.yaml's
 *                            {@code entities.classpath}); empty: the test class path
 * @param hibernateProperties the Hibernate settings the application gives (naming strategies included)
 * @param recordedSchemas     the folder of each revision's recorded catalog, or {@code null}
 * @param mariadb             whether each test gets a MariaDB database (else PostgreSQL)
 */
record KitSettings(Path config, Path migrationsDirectory, String migrationsPackage, String versionTable,
                   List<String> entityPackages, List<Path> entityClasspath, Map<String, String> hibernateProperties,
                   Path recordedSchemas, boolean mariadb) {

    static final String PHYSICAL = "hibernate.physical_naming_strategy";
    static final String IMPLICIT = "hibernate.implicit_naming_strategy";

    static KitSettings of(Class<?> testClass, RetortTest settings) {
        String pkg = property("migrationsPackage", settings == null ? "" : settings.migrationsPackage());
        String dir = property("migrations", settings == null ? "" : settings.migrations());
        String configured = property("config", settings == null ? "" : settings.config());
        Path working = Path.of("").toAbsolutePath();
        Path config = null;
        if (!configured.isBlank()) {
            config = working.resolve(configured).normalize();
            if (!Files.isRegularFile(config)) {
                throw new ExtensionConfigurationException(testClass.getName() + ": @RetortTest(config = \"" + configured
                        + "\") names " + config + ", which is not a file. Give the path of the project's retort.yaml, "
                        + "relative to the test's working directory " + working + ".");
            }
        } else if (pkg.isBlank() && dir.isBlank() && Files.isRegularFile(working.resolve("retort.yaml"))) {
            config = working.resolve("retort.yaml");
        }
        RetortConfig file = config == null ? null : ConfigLoader.load(config, System.getenv(), true);

        Path directory = dir.isBlank() ? null : working.resolve(dir).normalize();
        String packageName = pkg.isBlank() ? null : pkg;
        if (directory == null && packageName == null && file != null) {
            if (file.migrations().directory() != null) {
                directory = file.baseDirectory().resolve(file.migrations().directory()).normalize();
            }
            packageName = file.migrations().packageName();
        }
        if (directory == null && packageName == null) {
            throw new ExtensionConfigurationException(testClass.getName() + ": @RetortTest names no migrations, and "
                    + (config == null ? "there is no retort.yaml in " + working : config + " names none either")
                    + ". Give migrationsPackage = \"com.acme.migrations\" (compiled migrations on the test class path), "
                    + "migrations = \"src/main/java/com/acme/migrations\" (sources) or config = \"path/to/retort.yaml\", "
                    + "or the system property retort.test.migrationsPackage.");
        }

        String table = property("versionTable", settings == null ? "" : settings.versionTable());
        if (table.isBlank()) {
            table = file != null && file.versionTable() != null ? file.versionTable() : "retort_version";
        }

        List<String> entities = settings == null ? List.of() : List.of(settings.entities());
        String fromProperty = System.getProperty("retort.test.entities");
        if (fromProperty != null && !fromProperty.isBlank()) {
            entities = Arrays.stream(fromProperty.split(",")).map(String::strip).toList();
        }
        List<Path> classpath = new ArrayList<>();
        Map<String, String> hibernate = new TreeMap<>();
        if (file != null) {
            EntitiesConfig fe = file.entities();
            if (entities.isEmpty()) {
                entities = fe.packages();
            }
            fe.classpath().forEach(entry -> classpath.add(file.baseDirectory().resolve(entry).normalize()));
            hibernate.putAll(fe.settings());
            NamingSettings naming = new NamingSettings(fe.naming().physical(), fe.naming().implicit());
            putIfSet(hibernate, PHYSICAL, naming.hibernatePhysical());
            putIfSet(hibernate, IMPLICIT, naming.hibernateImplicit(KitSettings.class.getClassLoader()));
        }
        for (String pair : settings == null ? new String[0] : settings.hibernateProperties()) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("@RetortTest hibernateProperties holds '" + pair
                        + "': write key=value, such as hibernate.default_schema=app.");
            }
            hibernate.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }

        String recorded = property("recordedSchemas", settings == null ? "" : settings.recordedSchemas());
        Path recordings = recorded.isBlank() ? null : working.resolve(recorded).normalize();
        String database = property("database", settings == null ? "" : settings.database().name());
        boolean mariadb;
        switch (database.toLowerCase(java.util.Locale.ROOT)) {
            case "", "postgresql", "postgres" -> mariadb = false;
            case "mariadb" -> mariadb = true;
            default -> throw new ExtensionConfigurationException(testClass.getName() + ": retort.test.database is '"
                    + database + "': give postgresql or mariadb.");
        }
        return new KitSettings(config, directory, packageName, table, List.copyOf(entities), List.copyOf(classpath),
                Map.copyOf(hibernate), recordings, mariadb);
    }

    /** The key telling apart the graphs a test run loads (one per folder or package). */
    String graphKey() {
        return migrationsDirectory + "|" + migrationsPackage;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String property(String name, String attribute) {
        String value = System.getProperty("retort.test." + name);
        return value != null && !value.isBlank() ? value : attribute;
    }
}
