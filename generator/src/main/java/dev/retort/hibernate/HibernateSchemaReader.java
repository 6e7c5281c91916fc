package dev.retort.hibernate;

import dev.retort.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the schema Hibernate would create for the application's entities: builds Hibernate's mapping metadata
 * offline (no database connection, {@code PostgreSQLDialect} for PostgreSQL 15) for the {@code @Entity} classes of
 * the given packages, and maps it to the schema model exactly as Hibernate's own DDL for PostgreSQL writes it,
 * with names as PostgreSQL then stores them.
 */
public final class HibernateSchemaReader {

    /**
     * The schema Hibernate would create in the default schema (the search path's, or {@code hibernate.default_schema}).
     * Tables the mapping puts in other schemas are left out; {@link #readAll} has them.
     *
     * @throws EntityMappingException when no entity is found, a class does not load, Hibernate rejects the mapping
     *                                or the mapping uses something the schema model cannot describe
     */
    public Schema read(EntitySource source) {
        return readAll(source, true).get(0);
    }

    /**
     * As {@link #read}, but an unchanged model comes from the user's cache instead of Hibernate's metadata (see
     * {@link SchemaCache}); what the cache returns is exactly what {@link #read} returned when it stored it.
     *
     * @param debug told, one line each time, when a cache entry could not be used and Hibernate read the entities
     *              instead (the command line prints these with {@code --debug})
     */
    public Schema readCached(EntitySource source, Consumer<String> debug) {
        return readAllCached(source, debug).get(0);
    }

    /** As {@link #readAll}, through the cache as {@link #readCached}. */
    public List<Schema> readAllCached(EntitySource source, Consumer<String> debug) {
        SchemaCache cache = SchemaCache.configured(debug);
        return cache == null ? readAll(source) : cache.read(source, () -> readAll(source));
    }

    /** Every schema the mapping uses, the default one ({@code name() == null} unless configured) first. */
    public List<Schema> readAll(EntitySource source) {
        return readAll(source, false);
    }

    private static List<Schema> readAll(EntitySource source, boolean defaultOnly) {
        Objects.requireNonNull(source, "source");
        QuietHibernate quiet = QuietHibernate.start();
        try (quiet) {
            EntityClasses classes = EntityClasses.scan(source.classLoader(), source.packages());
            try (OfflineMetadata offline = OfflineMetadata.build(source, classes)) {
                SchemaMapper mapper = new SchemaMapper(offline, source.defaultSchema());
                String name = mapper.defaultSchemaName();
                List<Schema> schemas = new ArrayList<>();
                schemas.add(Schema.empty(name));
                for (Schema schema : mapped(mapper, classes)) {
                    if (Objects.equals(schema.name(), name)) {
                        schemas.set(0, schema);
                    } else if (!defaultOnly) {
                        schemas.add(schema);
                    }
                }
                return schemas;
            }
        }
    }

    private static List<Schema> mapped(SchemaMapper mapper, EntityClasses classes) {
        try {
            return mapper.schemas();
        } catch (EntityMappingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MappingFailures.rejected(e, classes);
        }
    }
}
