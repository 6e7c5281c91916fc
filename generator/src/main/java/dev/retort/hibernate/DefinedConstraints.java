package dev.retort.hibernate;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;

/**
 * Reads the type Hibernate writes for each column as a {@link ColumnDefinition}, and turns the unique, check and
 * foreign key constraints a {@code columnDefinition} carries into the schema model's, as PostgreSQL creates them
 * from Hibernate's DDL: unnamed ones get PostgreSQL's names later, like Hibernate's own inline constraints.
 */
final class DefinedConstraints {

    private final Metadata metadata;
    private final HibernateTarget names;
    private final BiFunction<Table, String, EntityMappingException> unsupported;

    /** @param unsupported the error for a table's mapping that names what the schema model cannot describe */
    DefinedConstraints(Metadata metadata, HibernateTarget names,
                       BiFunction<Table, String, EntityMappingException> unsupported) {
        this.metadata = metadata;
        this.names = names;
        this.unsupported = unsupported;
    }

    /** The column's SQL type split into the data type and its clauses; a type Hibernate chose has no clauses. */
    ColumnDefinition definition(Table table, Column column) {
        ColumnDefinition definition = ColumnDefinition.parse(column.getSqlType(metadata), names);
        if (!definition.unsupported().isEmpty()) {
            throw unsupported.apply(table, "\"" + definition.unsupported().get(0) + "\" in the columnDefinition of"
                    + " column " + names.name(column));
        }
        return definition;
    }

    /** Adds the constraints written inside the {@code columnDefinition} of {@code column} to the table's. */
    void add(Table table, Column column, ColumnDefinition definition, List<UniqueConstraint> uniques,
             List<CheckConstraint> checks, List<ForeignKey> foreignKeys) {
        List<String> columns = List.of(names.name(column));
        definition.uniques().forEach(u -> uniques.add(new UniqueConstraint(u.name(), columns, u.deferrability())));
        definition.checks().forEach(c -> checks.add(new CheckConstraint(c.name(), c.expression())));
        for (ColumnDefinition.Reference reference : definition.references()) {
            List<String> target = reference.columns().isEmpty() ? referencedKey(table, column, reference)
                    : reference.columns();
            foreignKeys.add(new ForeignKey(reference.name(), columns, reference.table(), target, reference.onDelete(),
                    reference.onUpdate(), reference.deferrability()));
        }
    }

    /** {@code references t} without a column: PostgreSQL takes t's primary key, which must be a mapped table's. */
    private List<String> referencedKey(Table table, Column column, ColumnDefinition.Reference reference) {
        for (Table target : metadata.collectTableMappings()) {
            if (target.isPhysicalTable() && Objects.equals(target.getSchema(), table.getSchema())
                    && names.name(target.getNameIdentifier()).equals(reference.table())) {
                PrimaryKey key = TableMapper.primaryKey(target, names);
                if (key != null) {
                    return key.columns();
                }
            }
        }
        throw unsupported.apply(table, "\"references " + reference.table() + "\" without a referenced column in the"
                + " columnDefinition of column " + names.name(column) + ", to a table with no mapped primary key"
                + " (name the column: references " + reference.table() + " (id))");
    }
}
