package dev.retort.bench;

import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Lets Hibernate itself create the schema of the synthetic entities in a database, through the JPA bootstrap
 * ({@code jakarta.persistence.schema-generation.database.action=create}) and a real connection: the database
 * {@code retort check} must then find equal to the entities.
 */
final class HibernateDdl {

    /** Held here so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private HibernateDdl() {
    }

    static void create(String jdbcUrl, ModelSources model) throws ClassNotFoundException {
        ClassLoader loader = model.loader(HibernateDdl.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (EntityModel e : model.entities()) {
            Class<?> type = Class.forName(ModelGenerator.PACKAGE + "." + e.className(), false, loader);
            if (!type.isAnnotationPresent(Entity.class)) {
                throw new IllegalStateException(type + " is not an entity");
            }
            classes.add(type);
        }
        // Setup, not a measured figure: no WAL flush per DDL statement (Hibernate runs each in autocommit).
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("bench")
                .jdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "options=-c%20synchronous_commit%3Doff");
        config.property("jakarta.persistence.schema-generation.database.action", "create");
        config.property("hibernate.hbm2ddl.halt_on_error", "true");
        config.property("hibernate.classLoaders", List.of(loader));
        config.managedClasses(classes);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        Level level = HIBERNATE_LOG.getLevel();
        HIBERNATE_LOG.setLevel(Level.SEVERE); // its start-up banner is not the benchmark's output
        try (SessionFactory factory = config.createEntityManagerFactory()) {
            factory.getSchemaManager(); // the schema exists once the factory does
        } finally {
            HIBERNATE_LOG.setLevel(level);
            thread.setContextClassLoader(previous);
        }
    }
}
