package dev.retort.junit;

import dev.retort.migration.internal.RevisionGraph;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** {@link RetortTest}'s extension: loads the migrations once per class, and a fresh database per test. */
final class RetortExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RetortExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RetortMigrations.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RetortTest settings = context.getRequiredTestClass().getAnnotation(RetortTest.class);
        if (settings == null) {
            settings = findOnInterfaces(context.getRequiredTestClass());
        }
        String pkg = property("migrationsPackage", settings == null ? "" : settings.migrationsPackage());
        String dir = property("migrations", settings == null ? "" : settings.migrations());
        String table = property("versionTable", settings == null ? "retort_version" : settings.versionTable());
        RevisionGraph graph = context.getRoot().getStore(NS).getOrComputeIfAbsent(pkg + "|" + dir,
                key -> load(context, pkg, dir), RevisionGraph.class);
        TestDatabase db = TestDatabase.create();
        context.getStore(NS).put("database", db);
        java.util.List<String> entities = settings == null ? java.util.List.of()
                : java.util.List.of(settings.entities());
        String fromProperty = System.getProperty("retort.test.entities");
        if (fromProperty != null && !fromProperty.isBlank()) {
            entities = java.util.Arrays.stream(fromProperty.split(",")).map(String::strip).toList();
        }
        java.util.Map<String, String> hibernate = new java.util.TreeMap<>();
        for (String pair : settings == null ? new String[0] : settings.hibernateProperties()) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("@RetortTest hibernateProperties holds '" + pair
                        + "': write key=value, such as hibernate.default_schema=app.");
            }
            hibernate.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return new RetortMigrations(graph, db, table, entities, hibernate);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestDatabase db = context.getStore(NS).remove("database", TestDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    private static RevisionGraph load(ExtensionContext context, String pkg, String dir) {
        if (!dir.isBlank()) {
            return RevisionGraph.fromSources(Path.of(dir).toAbsolutePath(), RetortExtension.class.getClassLoader());
        }
        if (pkg.isBlank()) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName() + ": @RetortTest "
                    + "names no migrations. Give migrationsPackage = \"com.acme.migrations\" (compiled migrations on "
                    + "the test class path) or migrations = \"src/main/java/com/acme/migrations\" (sources), or the "
                    + "system property retort.test.migrationsPackage.");
        }
        RevisionGraph graph = RevisionGraph.fromPackage(Thread.currentThread().getContextClassLoader(), pkg);
        if (graph.isEmpty()) {
            throw new ExtensionConfigurationException("No migrations in package " + pkg + " on the test class path of "
                    + context.getRequiredTestClass().getName() + ". Check the package name, and that the migrations "
                    + "are compiled (main or test sources).");
        }
        return graph;
    }

    private static RetortTest findOnInterfaces(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            RetortTest found = c.getAnnotation(RetortTest.class);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String property(String name, String attribute) {
        String value = System.getProperty("retort.test." + name);
        return value != null && !value.isBlank() ? value : attribute;
    }
}
