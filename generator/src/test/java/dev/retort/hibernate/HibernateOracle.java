package dev.retort.hibernate;

import dev.retort.migration.internal.PackageScanner;
import dev.retort.testkit.TestDatabase;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The oracle of the zero-diff tests: lets Hibernate itself create the schema for a package's entities in a
 * database, through the JPA bootstrap ({@code jakarta.persistence.schema-generation.database.action=create})
 * and a real connection, so it shares nothing with the reader but the entity classes.
 */
public final class HibernateOracle {

    private HibernateOracle() {
    }

    static void create(TestDatabase db, String entityPackage, Object physicalNaming, Object implicitNaming,
                       Map<String, String> settings) {
        create(db, HibernateOracle.class.getClassLoader(), entityPackage, physicalNaming, implicitNaming, settings);
    }

    /**
     * As {@link #create(TestDatabase, String, Object, Object, Map)}, for the entities of {@code entityPackage} that
     * {@code loader} sees (classes compiled at test time, in a loader of their own).
     */
    public static void create(TestDatabase db, ClassLoader loader, String entityPackage, Object physicalNaming,
                              Object implicitNaming, Map<String, String> settings) {
        create(db, loader, classes(loader, entityPackage), physicalNaming, implicitNaming, settings);
    }

    /** Lets Hibernate create the schema of exactly {@code classes}, resolving names through {@code loader}. */
    public static void create(TestDatabase db, ClassLoader loader, List<Class<?>> classes, Object physicalNaming,
                              Object implicitNaming, Map<String, String> settings) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("oracle")
                .jdbcUrl(db.url());
        config.property("jakarta.persistence.schema-generation.database.action", "create");
        config.property("hibernate.hbm2ddl.halt_on_error", "true");
        if (physicalNaming != null) {
            config.property("hibernate.physical_naming_strategy", physicalNaming);
        }
        if (implicitNaming != null) {
            config.property("hibernate.implicit_naming_strategy", implicitNaming);
        }
        settings.forEach(config::property);
        config.property("hibernate.classLoaders", List.of(loader));
        config.managedClasses(classes);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (SessionFactory factory = config.createEntityManagerFactory()) {
            factory.getSchemaManager(); // created by now; nothing else to do
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static List<Class<?>> classes(String entityPackage) {
        return classes(HibernateOracle.class.getClassLoader(), entityPackage);
    }

    /** The entities, embeddables, mapped superclasses, converters and package-infos of a package in {@code loader}. */
    public static List<Class<?>> classes(ClassLoader loader, String entityPackage) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : PackageScanner.classNames(loader, entityPackage)) {
            if (!name.endsWith(".package-info") && !EntityClasses.mayBeMapped(loader, name)) {
                continue; // as Hibernate's own scanning: a class that names no mapping annotation is never loaded
            }
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (name.endsWith(".package-info") || type.isAnnotationPresent(Entity.class)
                        || type.isAnnotationPresent(Embeddable.class) || type.isAnnotationPresent(MappedSuperclass.class)
                        || type.isAnnotationPresent(Converter.class)) {
                    classes.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }
}
