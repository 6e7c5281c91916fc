package dev.retort.junit;

import dev.retort.migration.internal.RevisionGraph;
import dev.retort.testkit.TestDatabase;
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
        RetortTest annotation = context.getRequiredTestClass().getAnnotation(RetortTest.class);
        if (annotation == null) {
            annotation = findOnInterfaces(context.getRequiredTestClass());
        }
        RetortTest given = annotation;
        KitSettings settings = context.getRoot().getStore(NS).getOrComputeIfAbsent(
                context.getRequiredTestClass().getName() + "|settings",
                key -> KitSettings.of(context.getRequiredTestClass(), given), KitSettings.class);
        RevisionGraph graph = context.getRoot().getStore(NS).getOrComputeIfAbsent(settings.graphKey(),
                key -> load(context, settings), RevisionGraph.class);
        TestDatabase db = settings.mariadb() ? TestDatabase.createMariaDb() : TestDatabase.create();
        context.getStore(NS).put("database", db);
        return new RetortMigrations(graph, db, settings);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestDatabase db = context.getStore(NS).remove("database", TestDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    private static RevisionGraph load(ExtensionContext context, KitSettings settings) {
        if (settings.migrationsDirectory() != null) {
            return RevisionGraph.fromSources(settings.migrationsDirectory(), RetortExtension.class.getClassLoader());
        }
        String pkg = settings.migrationsPackage();
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
}
