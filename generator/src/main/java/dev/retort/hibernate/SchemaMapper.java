package dev.retort.hibernate;

import dev.retort.schema.EnumType;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;

/**
 * Maps Hibernate's relational model (namespaces with tables and sequences, plus the auxiliary objects that
 * define enum types) to one {@link Schema} per PostgreSQL schema, keeping exactly what Hibernate's schema
 * creation ({@code SchemaCreatorImpl}) would create.
 */
final class SchemaMapper {

    private final Metadata metadata;
    private final SqlStringGenerationContext context;
    private final Dialect dialect;
    private final HibernateTarget names;
    private Map<org.hibernate.mapping.Table, String> owners;
    /** The name for tables without an explicit schema when Hibernate's settings give none, or {@code null}. */
    private final String fallbackDefault;

    SchemaMapper(OfflineMetadata offline) {
        this(offline, null);
    }

    SchemaMapper(OfflineMetadata offline, String fallbackDefault) {
        this.metadata = offline.metadata();
        this.context = offline.generationContext();
        this.dialect = metadata.getDatabase().getDialect();
        this.names = offline.names();
        this.fallbackDefault = fallbackDefault;
    }

    /**
     * The name of the schema tables without an explicit schema land in: {@code hibernate.default_schema}, else the
     * name the caller gave (the database's working schema), else {@code null} for the search path's.
     */
    String defaultSchemaName() {
        Identifier schema = context.getDefaultSchema();
        return schema == null ? fallbackDefault : names.name(schema);
    }

    private String schemaName(Namespace namespace) {
        Identifier schemaName = context.schemaWithDefault(namespace.getPhysicalName().schema());
        return schemaName == null ? fallbackDefault : names.name(schemaName);
    }

    /** One schema per PostgreSQL schema the entities use, in no particular order. */
    List<Schema> schemas() {
        Map<org.hibernate.mapping.Table, String> schemaOfTable = new java.util.IdentityHashMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            String name = schemaName(namespace);
            namespace.getTables().forEach(t -> schemaOfTable.put(t, name));
        }
        TableMapper tables = new TableMapper(metadata, names, this::owner, schemaOfTable::get);
        Map<String, Parts> bySchema = new LinkedHashMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            Parts parts = bySchema.computeIfAbsent(schemaName(namespace), k -> new Parts());
            if (!namespace.getUserDefinedTypes().isEmpty()) {
                String type = namespace.getUserDefinedTypes().iterator().next().getName();
                throw new EntityMappingException(type, "Retort cannot represent the composite type " + type
                        + " (a @Struct embeddable) yet. Store the embeddable as plain columns or as JSON.");
            }
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                parts.sequences.add(sequence(sequence));
            }
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (table.isView()) {
                    // As StandardTableExporter: "create view <name> as <query>"; the view has no keys or indexes.
                    parts.views.add(View.of(names.name(table.getNameIdentifier()), table.getViewQuery()));
                } else if (table.isPhysicalTable()) {
                    parts.tables.add(tables.map(table));
                }
            }
        }
        bySchema.computeIfAbsent(defaultSchemaName(), k -> new Parts()).enums.addAll(enumTypes());
        List<Schema> out = new ArrayList<>();
        bySchema.forEach((name, parts) -> out.add(new Schema(name, parts.tables, parts.sequences, parts.enums,
                parts.views)));
        return out;
    }

    /**
     * As {@code StandardSequenceExporter} with PostgreSQL's sequence support:
     * {@code create sequence s start with 1 increment by 50}, with {@code minvalue}/{@code maxvalue} only when
     * the start lies outside PostgreSQL's default range.
     */
    private Sequence sequence(org.hibernate.boot.model.relational.Sequence sequence) {
        String name = names.name(sequence.getName().getSequenceName());
        if (sequence.getOptions() != null && !sequence.getOptions().isBlank()) {
            throw new EntityMappingException(name, "Retort cannot represent the options of sequence " + name + " (\""
                    + sequence.getOptions() + "\") yet. Remove them from the @SequenceGenerator to compare this schema.");
        }
        long start = sequence.getInitialValue();
        long increment = sequence.getIncrementSize();
        SequenceOptions options = SequenceOptions.DEFAULTS.withStart(start).withIncrement(increment);
        if (dialect.getSequenceSupport().getCreateSequenceString("s", (int) start, (int) increment)
                .toLowerCase(java.util.Locale.ROOT).endsWith(" nocache")) {
            options = options.withCache(0); // MariaDBSequenceSupport writes "nocache"
        }
        if (increment > 0 && start <= 0) {
            options = options.withMinValue(start);
        } else if (increment < 0 && start >= 0) {
            options = options.withMaxValue(start);
        }
        return Sequence.of(name).withOptions(options);
    }

    private List<EnumType> enumTypes() {
        Map<String, EnumType> types = new LinkedHashMap<>();
        for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(dialect)) {
                continue;
            }
            Optional<EnumType> type = EnumTypes.parse(object.sqlCreateStrings(context), names);
            if (type.isEmpty()) {
                throw new EntityMappingException(object.getExportIdentifier(), "Retort cannot represent the database"
                        + " object " + object.getExportIdentifier() + " (" + String.join("; ",
                        object.sqlCreateStrings(context)) + ") yet. Remove it from the mapping to compare this schema.");
            }
            types.putIfAbsent(type.get().name(), type.get());
        }
        return List.copyOf(types.values());
    }

    /** The entity (or collection role) a table belongs to, for messages; computed only when one is needed. */
    private String owner(org.hibernate.mapping.Table table) {
        if (owners == null) {
            owners = new HashMap<>();
            for (PersistentClass entity : metadata.getEntityBindings()) {
                entity.getTableClosure().forEach(t -> owners.putIfAbsent(t, entity.getEntityName()));
                entity.getJoins().forEach(j -> owners.putIfAbsent(j.getTable(), entity.getEntityName()));
            }
            for (Collection collection : metadata.getCollectionBindings()) {
                owners.putIfAbsent(collection.getCollectionTable(), collection.getRole());
            }
        }
        return owners.getOrDefault(table, table.getName());
    }

    private static final class Parts {
        final List<Table> tables = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<EnumType> enums = new ArrayList<>();
        final List<View> views = new ArrayList<>();
    }
}
