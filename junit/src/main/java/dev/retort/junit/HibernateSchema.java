package dev.retort.junit;

import dev.retort.migration.internal.PackageScanner;
import dev.retort.testkit.TestDatabase;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Has the test class path's Hibernate ORM, the application's own, create its schema for the entities, as the
 * application's start-up would with {@code create}: the oracle the migrations at head are held against.
 */
final class HibernateSchema {

    private static final List<String> MAPPED = List.of("jakarta.persistence.Entity", "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass", "jakarta.persistence.Converter");

    private HibernateSchema() {
    }

    static void create(TestDatabase db, KitSettings settings) {
        List<String> packages = settings.entityPackages();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!settings.entityClasspath().isEmpty()) {
            List<URL> urls = new ArrayList<>();
            for (Path entry : settings.entityClasspath()) {
                try {
                    urls.add(entry.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("The entities' class path entry " + entry + ": " + e.getMessage());
                }
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), loader);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : packages) {
            for (String name : PackageScanner.classNames(loader, pkg)) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    continue; // not loadable here: not one of the application's mapped classes
                }
                for (var annotation : type.getAnnotations()) {
                    if (MAPPED.contains(annotation.annotationType().getName())) {
                        classes.add(type);
                        break;
                    }
                }
            }
        }
        if (classes.stream().noneMatch(c -> c.isAnnotationPresent(jakarta.persistence.Entity.class))) {
            throw new org.opentest4j.AssertionFailedError("No @Entity classes in " + packages + " on the test class "
                    + "path" + (settings.entityClasspath().isEmpty() ? "" : " or " + settings.entityClasspath())
                    + ": check @RetortTest(entities = ...), or entities.packages and entities.classpath in "
                    + "retort.yaml (the entities compiled first).");
        }
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("retort-junit")
                .jdbcUrl(db.url());
        config.property("jakarta.persistence.schema-generation.database.action", "create");
        config.property("hibernate.hbm2ddl.halt_on_error", "true");
        settings.hibernateProperties().forEach(config::property);
        config.property("hibernate.classLoaders", List.of(loader));
        config.managedClasses(classes);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (var factory = config.createEntityManagerFactory()) {
            factory.getSchemaManager(); // created by now
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
