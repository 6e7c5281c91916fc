package dev.retort.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.mapping.Table;

/**
 * The Hibernate floor: a fresh JVM that loads the entity classes of one folder and has Hibernate build its mapping
 * metadata for PostgreSQL, offline, and nothing else. Every tool that takes the desired schema from Hibernate (Retort,
 * liquibase-hibernate, Hibernate's own schema tools) pays at least this before it compares anything. Prints the
 * number of tables so the benchmark can tell it did the work. Usage: {@code HibernateFloor CLASSES PACKAGE}.
 */
public final class HibernateFloor {

    /** Held for the whole run: java.util.logging forgets the level of a logger nothing references. */
    private static final Logger QUIET = Logger.getLogger("org.hibernate");

    private HibernateFloor() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        // Quiet, as Retort keeps Hibernate: its banner and offline "database info" are not part of the floor.
        System.setProperty("org.jboss.logging.provider", "jdk");
        QUIET.setLevel(Level.OFF);
        Path classes = Path.of(args[0]);
        String pkg = args[1];
        Path folder = classes.resolve(pkg.replace('.', '/'));
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> pkg + "." + f.substring(0, f.length() - ".class".length())).sorted().toList();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                HibernateFloor.class.getClassLoader())) {
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(Map.of(
                    JdbcSettings.ALLOW_METADATA_ON_BOOT, "false",
                    JdbcSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect",
                    JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL",
                    JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, "15.0")).build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                for (String name : names) {
                    Class<?> type = Class.forName(name, false, loader);
                    if (type.isAnnotationPresent(jakarta.persistence.Entity.class)
                            || type.isAnnotationPresent(jakarta.persistence.Embeddable.class)) {
                        sources.addAnnotatedClass(type);
                    }
                }
                Metadata metadata = sources.buildMetadata();
                int tables = 0;
                for (Table ignored : metadata.collectTableMappings()) {
                    tables++;
                }
                System.out.println(tables);
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        }
    }
}
