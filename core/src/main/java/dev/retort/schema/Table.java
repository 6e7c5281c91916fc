package dev.retort.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table with everything that belongs to it. Columns keep their declared order; constraints and
 * indexes are ordered by name so equal tables are equal records.
 *
 * @param primaryKey the primary key, or {@code null} for none
 * @param comment    the table comment, or {@code null} for none
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks, String comment) {

    public Table {
        Names.require(name, "table name");
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("Table " + name + " declares column " + c.name() + " twice");
            }
        }
        uniqueConstraints = Names.sortedByName(List.copyOf(uniqueConstraints), UniqueConstraint::name);
        indexes = Names.sortedByName(List.copyOf(indexes), Index::name);
        foreignKeys = Names.sortedByName(List.copyOf(foreignKeys), ForeignKey::name);
        checks = Names.sortedByName(List.copyOf(checks), CheckConstraint::name);
    }

    /** Builds a table from columns, constraints and indexes in any order, as a migration lists them. */
    public static Table of(String name, TableElement... elements) {
        return of(name, List.of(elements));
    }

    public static Table of(String name, List<? extends TableElement> elements) {
        List<Column> columns = new ArrayList<>();
        PrimaryKey pk = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (TableElement e : elements) {
            Objects.requireNonNull(e, "table element");
            if (e instanceof Column c) {
                columns.add(c);
            } else if (e instanceof Index i) {
                indexes.add(i);
            } else if (e instanceof PrimaryKey p) {
                if (pk != null) {
                    throw new IllegalArgumentException("Table " + name + " declares two primary keys");
                }
                pk = p;
            } else if (e instanceof UniqueConstraint u) {
                uniques.add(u);
            } else if (e instanceof ForeignKey f) {
                fks.add(f);
            } else if (e instanceof CheckConstraint c) {
                checks.add(c);
            }
        }
        return new Table(name, columns, pk, uniques, indexes, fks, checks, null);
    }

    public Table withComment(String value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, value);
    }

    public Table withName(String value) {
        return new Table(value, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, comment);
    }

    public Table withColumns(List<Column> value) {
        return new Table(name, value, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, comment);
    }

    public Table withPrimaryKey(PrimaryKey value) {
        return new Table(name, columns, value, uniqueConstraints, indexes, foreignKeys, checks, comment);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> value) {
        return new Table(name, columns, primaryKey, value, indexes, foreignKeys, checks, comment);
    }

    public Table withIndexes(List<Index> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, value, foreignKeys, checks, comment);
    }

    public Table withForeignKeys(List<ForeignKey> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, indexes, value, checks, comment);
    }

    public Table withChecks(List<CheckConstraint> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, value, comment);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Every constraint of this table: primary key, unique, check and foreign keys. */
    public List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        all.addAll(uniqueConstraints);
        all.addAll(checks);
        all.addAll(foreignKeys);
        return all;
    }
}
