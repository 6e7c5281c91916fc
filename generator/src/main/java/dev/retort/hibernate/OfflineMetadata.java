package dev.retort.hibernate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Hibernate's mapping {@link Metadata} for the entity classes, built without a database: JDBC metadata access
 * is switched off and the dialect and database version are fixed by the {@link HibernateTarget}, so the same
 * classes always give the same DDL. Its columns are as Hibernate's schema export sees them once the session
 * factory has created its value generators ({@link ValueGenerators}). One service registry per build, closed with
 * this object.
 */
final class OfflineMetadata implements AutoCloseable {

    /** Settings that would connect to a database or change the dialect; the application's values are dropped. */
    private static final Set<String> CONNECTION_PREFIXES = Set.of(
            "hibernate.connection.", "jakarta.persistence.jdbc.", "javax.persistence.jdbc.", "hibernate.hikari.",
            "hibernate.c3p0.", "hibernate.agroal.", "hibernate.dialect", "jakarta.persistence.database-",
            "javax.persistence.database-", "jakarta.persistence.jtaDataSource", "jakarta.persistence.nonJtaDataSource",
            "javax.persistence.jtaDataSource", "javax.persistence.nonJtaDataSource",
            "hibernate.boot.allow_jdbc_metadata_access", "hibernate.temp.use_jdbc_metadata_defaults");

    private final StandardServiceRegistry registry;
    private final Metadata metadata;
    private final HibernateTarget target;

    private OfflineMetadata(StandardServiceRegistry registry, Metadata metadata, HibernateTarget target) {
        this.registry = registry;
        this.metadata = metadata;
        this.target = target;
    }

    static OfflineMetadata build(EntitySource source, EntityClasses classes) {
        // Auto-close: destroying the standard registry destroys this one too (and lets go of the class loader).
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(source.classLoader())
                .enableAutoClose()
                .build();
        StandardServiceRegistry registry;
        try {
            registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings(source.settings(), source.target())).build();
        } catch (RuntimeException | LinkageError e) {
            bootstrap.close();
            throw new EntityMappingException("settings", "Hibernate rejects the settings " + source.settings().keySet()
                    + ": " + NamingStrategies.rootMessage(e) + ". Correct or remove the setting, then run Retort again.",
                    e);
        }
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.classes().forEach(sources::addAnnotatedClass);
            classes.annotatedPackages().forEach(sources::addPackage);
            MetadataBuilder builder = sources.getMetadataBuilder();
            NamingStrategies naming = new NamingStrategies(registry.requireService(StrategySelector.class),
                    source.classLoader());
            PhysicalNamingStrategy physical = naming.physical(source.naming().physical());
            if (physical != null) {
                builder.applyPhysicalNamingStrategy(physical);
            }
            ImplicitNamingStrategy implicit = naming.implicit(source.naming().implicit());
            if (implicit != null) {
                builder.applyImplicitNamingStrategy(implicit);
            }
            OfflineMetadata offline = new OfflineMetadata(registry, build(builder, classes), source.target());
            offline.createValueGenerators(classes);
            return offline;
        } catch (RuntimeException | Error e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private static Metadata build(MetadataBuilder builder, EntityClasses classes) {
        try {
            MetadataImplementor metadata = (MetadataImplementor) builder.build();
            // What the session factory does before Hibernate's schema creation runs: table and primary key columns
            // in the order of the configured ColumnOrderingStrategy (types by size, then names, by default).
            metadata.orderColumns(true);
            return metadata;
        } catch (EntityMappingException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw MappingFailures.rejected(e, classes);
        }
    }

    /**
     * What the session factory does to the columns before its schema export, after the metadata is built: its
     * persisters create the properties' value generators, and some of those make their column {@code not null}.
     */
    private void createValueGenerators(EntityClasses classes) {
        ConfigurationService configuration = registry.requireService(ConfigurationService.class);
        try {
            new ValueGenerators(metadata, registry, generationContext(),
                    configuration.getSetting(MappingSettings.DEFAULT_CATALOG, StandardConverters.STRING),
                    configuration.getSetting(MappingSettings.DEFAULT_SCHEMA, StandardConverters.STRING)).createAll();
        } catch (EntityMappingException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw MappingFailures.rejected(e, classes);
        }
    }

    static Map<String, Object> settings(Map<String, String> application, HibernateTarget target) {
        Map<String, Object> settings = new HashMap<>();
        application.forEach((key, value) -> {
            if (CONNECTION_PREFIXES.stream().noneMatch(key::startsWith)) {
                settings.put(key, value);
            }
        });
        settings.put(JdbcSettings.ALLOW_METADATA_ON_BOOT, "false");
        settings.putAll(target.dialectSettings());
        return settings;
    }

    /** How the target database names what Hibernate's DDL names. */
    HibernateTarget names() {
        return target;
    }

    Metadata metadata() {
        return metadata;
    }

    JdbcEnvironment jdbcEnvironment() {
        return metadata.getDatabase().getJdbcEnvironment();
    }

    /** How Hibernate's schema creation renders names: default catalog and schema as configured. */
    SqlStringGenerationContext generationContext() {
        return SqlStringGenerationContextImpl.fromConfigurationMap(jdbcEnvironment(), metadata.getDatabase(),
                registry.requireService(ConfigurationService.class).getSettings());
    }

    @Override
    public void close() {
        StandardServiceRegistryBuilder.destroy(registry);
    }
}
