package dev.retort.hibernate;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.Deferrability;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.mapping.AggregateColumn;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.type.SqlTypes;

/**
 * Maps one {@link org.hibernate.mapping.Table} to a {@link Table} the way Hibernate's schema creation writes it
 * for PostgreSQL ({@code StandardTableExporter}, {@code ColumnDefinitions}, {@code CreateTableUniqueDelegate},
 * {@code StandardIndexExporter}, {@code StandardForeignKeyExporter}), then as PostgreSQL stores it: unquoted names
 * folded, constraints Hibernate leaves unnamed without a name, redundant unique constraints merged. The clauses a
 * {@code columnDefinition} carries (default, not null, identity, unique, check, references) land in their own
 * slots ({@link DefinedConstraints}).
 */
final class TableMapper {

    private final Metadata metadata;
    private final HibernateTarget names;
    private final Dialect dialect;
    private final IdentifierHelper identifiers;
    private final AggregateChecks aggregateChecks;
    private final Function<org.hibernate.mapping.Table, String> owner;
    private final DefinedConstraints definedConstraints;

    /** Each table's schema as the schema model names it ({@code null}: the unnamed default one). */
    private final Function<org.hibernate.mapping.Table, String> schemaOf;

    TableMapper(Metadata metadata, HibernateTarget names, Function<org.hibernate.mapping.Table, String> owner,
                Function<org.hibernate.mapping.Table, String> schemaOf) {
        this.schemaOf = schemaOf;
        this.metadata = metadata;
        this.names = names;
        this.dialect = metadata.getDatabase().getDialect();
        this.identifiers = metadata.getDatabase().getJdbcEnvironment().getIdentifierHelper();
        this.aggregateChecks = new AggregateChecks(dialect);
        this.owner = owner;
        this.definedConstraints = new DefinedConstraints(metadata, names, this::unsupported);
    }

    Table map(org.hibernate.mapping.Table table) {
        String name = names.name(table.getNameIdentifier());
        unsupported(table, table.getOptions(), "table options");
        PrimaryKey primaryKey = primaryKey(table, names);
        List<Column> columns = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<ForeignKey> definedKeys = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            ColumnDefinition definition = definedConstraints.definition(table, column);
            columns.add(column(table, column, primaryKey, definition));
            if (column.isUnique() && !table.isPrimaryKey(column)) {
                // PostgreSQL: written inline as "<column> <type> unique", named by the database; MariaDB: added by an
                // alter table under the name Hibernate gave the column's key (Table.createUniqueKey)
                String keyName = inlineUnique() || column.getUniqueKeyName() == null ? null
                        : names.verbatim(column.getUniqueKeyName());
                uniques.add(unique(keyName, List.of(names.name(column))));
            }
            checks.addAll(columnChecks(column));
            definedConstraints.add(table, column, definition, uniques, checks, definedKeys);
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (!isSingleColumnUnique(table, key)) {
                unsupported(table, key.getOptions(), "unique constraint options");
                // CreateTableUniqueDelegate (PostgreSQL) writes an implicit key unnamed inside create table; the
                // alter-table delegates (MariaDB, MySQL) name every key they add.
                boolean named = key.isNameExplicit() || !inlineUnique();
                uniques.add(unique(named ? names.verbatim(key.getName()) : null,
                        key.getColumns().stream().map(names::name).toList()));
            }
        }
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            checks.add(check(check, check.getConstraint()));
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            if (column instanceof AggregateColumn aggregate) {
                String expression = aggregateChecks.expression(aggregate);
                if (expression != null) {
                    checks.add(new CheckConstraint(null, expression));
                }
            }
        }
        UniqueMerging keys = UniqueMerging.merge(primaryKey, uniques);
        List<ForeignKey> foreignKeys = foreignKeys(table);
        foreignKeys.addAll(definedKeys);
        return new Table(name, columns, keys.primaryKey(), keys.uniques(), indexes(table), foreignKeys, checks,
                table.getComment());
    }

    private Column column(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column, PrimaryKey pk,
                          ColumnDefinition definition) {
        String name = names.name(column);
        String where = "column " + name;
        unsupported(table, column.getOptions(), "options of " + where);
        String type = definition.isTypeOnly() ? column.getSqlType(metadata) : definition.type();
        int typeCode = column.getSqlTypeCode(metadata);
        if (typeCode == SqlTypes.NAMED_ENUM || typeCode == SqlTypes.NAMED_ORDINAL_ENUM) {
            type = names.verbatim(type); // the enum type's name, which PostgreSQL folds like any other
        }
        // Hibernate's DDL writes "not null" exactly when Column.isNullable() says so (ColumnDefinitions), read
        // after the value generators had their say (ValueGenerators), or when its columnDefinition does; a primary
        // key column is not null whatever they say, as PostgreSQL makes every primary key column.
        boolean inPrimaryKey = pk != null && pk.columns().contains(name);
        if (column.isIdentity() && definition.identity() != null) {
            throw unsupported(table, "an identity clause in the columnDefinition of the @GeneratedValue(IDENTITY) "
                    + where + " (Hibernate writes its own, and PostgreSQL refuses two)");
        }
        if (column.getDefaultValue() != null && definition.defaultSql() != null) {
            throw unsupported(table, "a default in the columnDefinition of " + where + ", which has a @ColumnDefault"
                    + " too (Hibernate writes both, and PostgreSQL refuses two)");
        }
        Identity identity = column.isIdentity() ? Identity.generatedByDefault() : definition.identity();
        String defaultSql = column.getDefaultValue() != null ? HibernateApi.columnDefault(dialect, column.getDefaultValue())
                : definition.defaultSql();
        Default defaultValue = identity == null && defaultSql != null ? Default.of(defaultSql) : null;
        boolean nullable = column.isNullable() && !inPrimaryKey && !definition.notNull();
        if (column.getGeneratedAs() != null && definition.generated() != null) {
            throw unsupported(table, "a generation expression in the columnDefinition of the @GeneratedColumn " + where
                    + " (Hibernate writes both, and PostgreSQL refuses two)");
        }
        String generated = column.getGeneratedAs() != null ? column.getGeneratedAs() : definition.generated();
        String collation = column.getCollation() != null ? column.getCollation() : definition.collation();
        if (generated != null && (defaultValue != null || identity != null)) {
            throw unsupported(table, "a default or an identity on the generated " + where
                    + " (@GeneratedColumn; PostgreSQL refuses both)");
        }
        // Hibernate writes the collation double-quoted, verbatim (PostgreSQLDialect.quoteCollation).
        return new Column(name, ColumnType.of(type), nullable, defaultValue, identity, column.getComment(),
                collation, generated);
    }

    /**
     * Whether the dialect writes unique keys inside {@code create table}, a unique column inline and unnamed
     * ({@code CreateTableUniqueDelegate}, PostgreSQL's), rather than each key by an {@code alter table} under its
     * generated name (MariaDB's and MySQL's delegates).
     */
    private boolean inlineUnique() {
        return dialect.getUniqueDelegate() instanceof org.hibernate.dialect.unique.CreateTableUniqueDelegate;
    }

    static PrimaryKey primaryKey(org.hibernate.mapping.Table table, HibernateTarget names) {
        if (!table.hasPrimaryKey()) {
            return null;
        }
        org.hibernate.mapping.PrimaryKey key = table.getPrimaryKey();
        UniqueKey ordering = key.getOrderingUniqueKey();
        String name = ordering != null && ordering.isNameExplicit() ? names.verbatim(ordering.getName()) : null;
        return new PrimaryKey(name, key.getColumns().stream().map(names::name).toList());
    }

    /** As {@code CreateTableUniqueDelegate}: a one-column key on a column already written {@code unique} is skipped. */
    private static boolean isSingleColumnUnique(org.hibernate.mapping.Table table, UniqueKey key) {
        if (key.getColumns().size() != 1) {
            return false;
        }
        org.hibernate.mapping.Column column = key.getColumn(0);
        if (column.isUnique()) {
            return true;
        }
        org.hibernate.mapping.Column tableColumn = table.getColumn(column);
        return tableColumn != null && tableColumn.isUnique();
    }

    private static UniqueConstraint unique(String name, List<String> columns) {
        return new UniqueConstraint(name, columns, Deferrability.NOT_DEFERRABLE);
    }

    /**
     * As {@code ColumnDefinitions.appendConstraints}: the unnamed checks of a column become one
     * {@code check ((a) and (b))}; each named one is its own constraint.
     */
    private List<CheckConstraint> columnChecks(org.hibernate.mapping.Column column) {
        List<CheckConstraint> out = new ArrayList<>();
        List<org.hibernate.mapping.CheckConstraint> anonymous = column.getCheckConstraints().stream()
                .filter(org.hibernate.mapping.CheckConstraint::isAnonymous).toList();
        if (anonymous.size() == 1) {
            out.add(new CheckConstraint(null, anonymous.get(0).getConstraint()));
        } else if (!anonymous.isEmpty()) {
            out.add(new CheckConstraint(null, String.join(" and ", anonymous.stream()
                    .map(org.hibernate.mapping.CheckConstraint::getConstraintInParens).toList())));
        }
        for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
            if (check.isNamed()) {
                out.add(check(check, check.getConstraint()));
            }
        }
        return out;
    }

    private CheckConstraint check(org.hibernate.mapping.CheckConstraint check, String expression) {
        if (check.getOptions() != null && !check.getOptions().isBlank()) {
            throw new EntityMappingException(check.getName(), "Retort cannot represent the options of check constraint "
                    + check.getName() + " (" + check.getOptions() + ") yet; remove them or manage that constraint by hand.");
        }
        String name = check.getName() == null || check.getName().isBlank() ? null
                : names.verbatim(check.getName());
        return new CheckConstraint(name, expression);
    }

    private List<Index> indexes(org.hibernate.mapping.Table table) {
        List<Index> out = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            unsupported(table, index.getOptions(), "options of index " + index.getName());
            List<IndexElement> elements = new ArrayList<>();
            for (Selectable selectable : index.getSelectables()) {
                IndexElement element = selectable instanceof org.hibernate.mapping.Column column
                        ? IndexElement.column(names.name(column))
                        : IndexElement.expression(selectable.getText(dialect));
                elements.add(ordered(element, index.getSelectableOrderMap().get(selectable)));
            }
            out.add(new Index(names.verbatim(index.getName()), elements, index.isUnique(), null, null,
                    List.of()));
        }
        return out;
    }

    /** Applies an order such as {@code desc} or {@code asc nulls first}, as Hibernate appends it after the key. */
    private static IndexElement ordered(IndexElement element, String order) {
        if (order == null || order.isBlank()) {
            return element;
        }
        String words = order.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        IndexElement out = words.startsWith("desc") ? element.desc() : element;
        if (words.endsWith("nulls first")) {
            out = out.nullsFirst();
        } else if (words.endsWith("nulls last")) {
            out = out.nullsLast();
        }
        return out;
    }

    private List<ForeignKey> foreignKeys(org.hibernate.mapping.Table table) {
        List<ForeignKey> out = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
                continue;
            }
            String name = names.name(identifiers.toIdentifier(key.getName()));
            if (key.getKeyDefinition() != null && !key.getKeyDefinition().isBlank()) {
                throw unsupported(table, "foreign key " + name + " written as SQL (@ForeignKey(foreignKeyDefinition))");
            }
            unsupported(table, key.getOptions(), "options of foreign key " + name);
            org.hibernate.mapping.Table target = key.getReferencedTable();
            if (!Objects.equals(target.getCatalog(), table.getCatalog())) {
                throw unsupported(table, "foreign key " + name + " to table " + target.getName()
                        + " in another catalog");
            }
            String targetSchema = schemaOf.apply(target);
            String referencedSchema = Objects.equals(targetSchema, schemaOf.apply(table)) ? null : targetSchema;
            if (referencedSchema == null && !Objects.equals(target.getSchema(), table.getSchema())
                    && targetSchema == null) {
                throw unsupported(table, "foreign key " + name + " to table " + target.getName() + " in the default"
                        + " schema, whose name is not known offline (give it with schema: in retort.yaml or"
                        + " hibernate.default_schema)");
            }
            List<org.hibernate.mapping.Column> targetColumns = key.isReferenceToPrimaryKey()
                    ? target.getPrimaryKey().getColumns() : key.getReferencedColumns();
            out.add(new ForeignKey(name, key.getColumns().stream().map(names::name).toList(),
                    names.name(target.getNameIdentifier()),
                    targetColumns.stream().map(names::name).toList(),
                    action(key.getOnDeleteAction()), ReferentialAction.NO_ACTION, Deferrability.NOT_DEFERRABLE,
                    referencedSchema));
        }
        return out;
    }

    private static ReferentialAction action(OnDeleteAction action) {
        if (action == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (action) {
            case NO_ACTION -> ReferentialAction.NO_ACTION;
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
            case RESTRICT -> ReferentialAction.RESTRICT;
        };
    }

    private void unsupported(org.hibernate.mapping.Table table, String options, String what) {
        if (options != null && !options.isBlank()) {
            throw unsupported(table, what + " (\"" + options + "\")");
        }
    }

    private EntityMappingException unsupported(org.hibernate.mapping.Table table, String what) {
        String culprit = owner.apply(table);
        return new EntityMappingException(culprit, "Retort cannot represent " + what + " of table " + table.getName()
                + " (mapped by " + culprit + ") yet. Remove it from the mapping to compare this schema.");
    }
}
