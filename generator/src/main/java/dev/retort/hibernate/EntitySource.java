package dev.retort.hibernate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the entities are and how the application configures Hibernate: the class loader that sees the
 * compiled entity classes, the packages to scan (subpackages included), the naming strategies, and any
 * further Hibernate settings the application sets that change its DDL (for example
 * {@code hibernate.auto_quote_keyword} or {@code hibernate.globally_quoted_identifiers}).
 *
 * @param settings      Hibernate settings as the application gives them; connection and dialect settings are
 *                      ignored, since the schema is always read offline for the {@code target}
 * @param defaultSchema the name of the schema tables without an explicit schema land in, when Hibernate's
 *                      settings do not name one ({@code hibernate.default_schema}): the database's working schema;
 *                      {@code null} leaves that schema unnamed
 * @param target        the database Hibernate's DDL is built for, which its platform gives
 */
public record EntitySource(ClassLoader classLoader, List<String> packages, NamingSettings naming,
                           Map<String, String> settings, String defaultSchema, HibernateTarget target) {

    public EntitySource(HibernateTarget target, ClassLoader classLoader, List<String> packages, NamingSettings naming,
                        Map<String, String> settings) {
        this(classLoader, packages, naming, settings, null, target);
    }

    public EntitySource {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(target, "target");
        packages = List.copyOf(packages);
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("Name at least one entity package");
        }
        naming = naming == null ? NamingSettings.DEFAULT : naming;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The entities of {@code packages} seen by {@code classLoader}, with Hibernate's default naming. */
    public static EntitySource of(HibernateTarget target, ClassLoader classLoader, String... packages) {
        return new EntitySource(target, classLoader, List.of(packages), NamingSettings.DEFAULT, Map.of());
    }

    public EntitySource withNaming(NamingSettings value) {
        return new EntitySource(classLoader, packages, value, settings, defaultSchema, target);
    }

    public EntitySource withSettings(Map<String, String> value) {
        return new EntitySource(classLoader, packages, naming, value, defaultSchema, target);
    }

    public EntitySource withDefaultSchema(String value) {
        return new EntitySource(classLoader, packages, naming, settings, value, target);
    }
}
