package dev.retort.hibernate;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.generator.Generator;
import org.hibernate.generator.GeneratorCreationContext;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.SimpleValue;
import org.hibernate.mapping.Value;
import org.hibernate.models.spi.MemberDetails;
import org.hibernate.service.ServiceRegistry;

/**
 * Creates each entity property's value generator the way Hibernate's session factory does while it builds its
 * persisters ({@code EntityMetamodel}), before its schema export runs. Creating a generator may change the mapped
 * column: {@code CurrentTimestampGeneration} ({@code @CreationTimestamp}, {@code @UpdateTimestamp},
 * {@code @CurrentTimestamp} on insert) makes it {@code not null}, and an application's {@code @ValueGenerationType}
 * generator may do the same. Hibernate's DDL writes the columns as they are after this, so the reader must read
 * them after it too; the generators themselves are thrown away.
 */
final class ValueGenerators {

    private final Metadata metadata;
    private final ServiceRegistry services;
    private final SqlStringGenerationContext generation;
    private final String defaultCatalog;
    private final String defaultSchema;

    ValueGenerators(Metadata metadata, ServiceRegistry services, SqlStringGenerationContext generation,
                    String defaultCatalog, String defaultSchema) {
        this.metadata = metadata;
        this.services = services;
        this.generation = generation;
        this.defaultCatalog = defaultCatalog;
        this.defaultSchema = defaultSchema;
    }

    /**
     * As {@code EntityMetamodel}: every property of every entity (its own and inherited ones, secondary tables
     * included), and the direct properties of an embedded value whose own property generates nothing. Each
     * property once, although every subclass's persister creates its inherited ones again.
     */
    void createAll() {
        Set<Property> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getPropertyClosure()) {
                if (!done.add(property)) {
                    continue;
                }
                Generator generator = create(entity, property);
                if ((generator == null || !generator.generatesSometimes())
                        && property.getValue() instanceof Component component) {
                    component.getProperties().forEach(part -> create(entity, part));
                }
            }
        }
    }

    private Generator create(PersistentClass entity, Property property) {
        if (property.getValueGeneratorCreator() == null) {
            return null;
        }
        PersistentClass owner = property.getPersistentClass() != null ? property.getPersistentClass() : entity;
        return property.getValueGeneratorCreator().createGenerator(new Context(owner, property));
    }

    /** What {@code Property.createGenerator} hands a generator, from the offline metadata instead of a factory. */
    private final class Context implements GeneratorCreationContext {
        private final PersistentClass entity;
        private final Property property;

        Context(PersistentClass entity, Property property) {
            this.entity = entity;
            this.property = property;
        }

        @Override
        public Database getDatabase() {
            return metadata.getDatabase();
        }

        @Override
        public ServiceRegistry getServiceRegistry() {
            return services;
        }

        @Override
        public String getDefaultCatalog() {
            return defaultCatalog;
        }

        @Override
        public String getDefaultSchema() {
            return defaultSchema;
        }

        @Override
        public PersistentClass getPersistentClass() {
            return entity;
        }

        @Override
        public RootClass getRootClass() {
            return entity.getRootClass();
        }

        @Override
        public Property getProperty() {
            return property;
        }

        @Override
        public Value getValue() {
            return property.getValue();
        }

        @Override
        public MemberDetails getMemberDetails() {
            return property.getValue() instanceof SimpleValue value ? value.getMemberDetails() : null;
        }

        @Override
        public SqlStringGenerationContext getSqlStringGenerationContext() {
            return generation;
        }
    }
}
