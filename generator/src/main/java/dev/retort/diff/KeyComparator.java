package dev.retort.diff;

import dev.retort.op.AddConstraint;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Primary key, unique constraints and indexes of a table. A unique constraint and a plain unique index over
 * the same columns under the same name enforce the same thing, so one may stand for the other.
 */
final class KeyComparator {

    private final ComparisonDialect dialect;

    KeyComparator(ComparisonDialect dialect) {
        this.dialect = dialect;
    }

    void compare(Table desired, Table actual, Plan plan) {
        primaryKey(desired, actual, plan);
        Map<String, UniqueConstraint> uniques = byName(actual.uniqueConstraints(), UniqueConstraint::name);
        Map<String, Index> indexes = byName(actual.indexes(), Index::name);
        String table = desired.name();

        for (UniqueConstraint unique : desired.uniqueConstraints()) {
            UniqueConstraint match = findUnique(unique, uniques);
            if (match != null) {
                uniques.remove(match.name());
                if (!match.columns().equals(unique.columns()) || match.deferrability() != unique.deferrability()) {
                    plan.add(Phase.DROP_CONSTRAINTS, new DropConstraint(table, match.name(), match));
                    plan.add(Phase.ADD_CONSTRAINTS, new AddConstraint(table, named(table, unique)));
                }
                continue;
            }
            Index asIndex = unique.name() == null ? null : indexes.get(unique.name());
            if (asIndex != null && isPlainUnique(asIndex, unique.columns())) {
                indexes.remove(asIndex.name());
                continue;
            }
            plan.add(Phase.ADD_CONSTRAINTS, new AddConstraint(table, named(table, unique)));
        }

        for (Index index : desired.indexes()) {
            Index match = index.name() == null ? null : indexes.remove(index.name());
            if (match == null && index.name() != null) {
                UniqueConstraint asConstraint = uniques.get(index.name());
                if (asConstraint != null && isPlainUnique(index, asConstraint.columns())) {
                    uniques.remove(asConstraint.name());
                    continue;
                }
            }
            if (match == null) {
                plan.add(Phase.ADD_INDEXES, new CreateIndex(table, index, false));
            } else if (!sameIndex(index, match)) {
                plan.add(Phase.DROP_INDEXES, new DropIndex(table, match.name(), match, false));
                plan.add(Phase.ADD_INDEXES, new CreateIndex(table, index, false));
            }
        }
        for (UniqueConstraint left : uniques.values()) {
            plan.add(Phase.DROP_CONSTRAINTS, new DropConstraint(table, left.name(), left));
        }
        for (Index left : indexes.values()) {
            plan.add(Phase.DROP_INDEXES, new DropIndex(table, left.name(), left, false));
        }
    }

    private void primaryKey(Table desired, Table actual, Plan plan) {
        PrimaryKey want = desired.primaryKey();
        PrimaryKey have = actual.primaryKey();
        String table = desired.name();
        boolean same = want == null ? have == null
                : have != null && want.columns().equals(have.columns())
                    && (want.name() == null || want.name().equals(have.name()));
        if (same) {
            return;
        }
        if (have != null) {
            plan.add(Phase.DROP_CONSTRAINTS, new DropConstraint(table, have.name(), have));
        }
        if (want != null) {
            PrimaryKey named = want.name() != null ? want : new PrimaryKey(dialect.primaryKeyName(table), want.columns());
            plan.add(Phase.ADD_CONSTRAINTS, new AddConstraint(table, named));
        }
    }

    /** By name when the desired constraint has one, else by columns. */
    private static UniqueConstraint findUnique(UniqueConstraint wanted, Map<String, UniqueConstraint> pool) {
        if (wanted.name() != null) {
            return pool.get(wanted.name());
        }
        return pool.values().stream().filter(u -> u.columns().equals(wanted.columns())).findFirst().orElse(null);
    }

    /** An unnamed unique constraint gets the database's own name for it, so it can be dropped again by name. */
    private UniqueConstraint named(String table, UniqueConstraint unique) {
        if (unique.name() != null) {
            return unique;
        }
        return new UniqueConstraint(dialect.uniqueName(table, unique.columns()), unique.columns(),
                unique.deferrability());
    }

    private static boolean isPlainUnique(Index index, List<String> columns) {
        return index.isUnique() && index.where() == null && index.method() == null && index.include().isEmpty()
                && index.elements().stream().allMatch(e -> e.column() != null && !e.descending()
                    && e.opclass() == null && e.nulls() == IndexElement.NullsOrder.DEFAULT)
                && index.keyNames().equals(columns);
    }

    private boolean sameIndex(Index desired, Index actual) {
        if (desired.isUnique() != actual.isUnique() || !Objects.equals(desired.method(), actual.method())
                || !desired.include().equals(actual.include())
                || !dialect.sameExpression(desired.where(), actual.where())
                || desired.elements().size() != actual.elements().size()) {
            return false;
        }
        for (int i = 0; i < desired.elements().size(); i++) {
            if (!sameElement(desired.elements().get(i), actual.elements().get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameElement(IndexElement d, IndexElement a) {
        boolean sameKey = d.column() != null
                ? d.column().equals(a.column())
                : a.expression() != null && dialect.sameExpression(d.expression(), a.expression());
        return sameKey && d.descending() == a.descending() && nullsFirst(d) == nullsFirst(a)
                && Objects.equals(d.opclass(), a.opclass());
    }

    /** DEFAULT puts nulls last ascending and first descending, as PostgreSQL does. */
    private static boolean nullsFirst(IndexElement e) {
        return switch (e.nulls()) {
            case FIRST -> true;
            case LAST -> false;
            case DEFAULT -> e.descending();
        };
    }

    /** Actual objects by name (the catalog names every one). */
    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T item : items) {
            out.put(name.apply(item), item);
        }
        return out;
    }
}
