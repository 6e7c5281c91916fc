package dev.retort.hibernate;

import dev.retort.migration.PackageScanner;
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
final class HibernateOracle {

    private HibernateOracle() {
    }

    static void create(TestDatabase db, String entityPackage, Object physicalNaming, Object implicitNaming,
                       Map<String, String> settings) {
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
        config.managedClasses(classes(entityPackage));
        try (SessionFactory factory = config.createEntityManagerFactory()) {
            factory.getSchemaManager(); // created by now; nothing else to do
        }
    }

    static List<Class<?>> classes(String entityPackage) {
        ClassLoader loader = HibernateOracle.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (String name : PackageScanner.classNames(loader, entityPackage)) {
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
