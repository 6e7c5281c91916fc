package dev.retort.diff;

import dev.retort.op.AddConstraint;
import dev.retort.op.Change;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.Operation;
import dev.retort.op.SetTableComment;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tables: new ones are created in dependency order with their foreign keys inline where the referenced table
 * already stands; dropped ones lose their foreign keys to each other first; tables on both sides are
 * compared column by column, key by key.
 */
final class TableComparator {

    private final ComparisonDialect dialect;

    TableComparator(ComparisonDialect dialect) {
        this.dialect = dialect;
    }

    void compare(List<Table> desired, List<Table> actual, Plan plan) {
        Map<String, Table> existing = index(actual);
        Map<String, Table> wanted = index(desired);
        List<Table> created = desired.stream().filter(t -> !existing.containsKey(t.name())).toList();
        List<Table> dropped = actual.stream().filter(t -> !wanted.containsKey(t.name())).toList();

        createTables(created, existing.keySet(), plan);
        dropTables(dropped, plan);
        possibleRenames(created, dropped, plan);

        for (Table table : desired) {
            Table current = existing.get(table.name());
            if (current != null) {
                compareTable(table, current, plan);
            }
        }
        rebuildForeignKeysOverChanges(desired, existing, plan);
    }

    /**
     * A foreign key both sides agree on must still go and come back when what it stands on changes under it:
     * the key it references is dropped and re-created (a renamed primary key, a unique constraint becoming an
     * index) or a column at either end changes type. PostgreSQL refuses the first while the foreign key stands
     * (SQLSTATE 2BP01) and the second where the new types do not compare.
     */
    private static void rebuildForeignKeysOverChanges(List<Table> desired, Map<String, Table> existing, Plan plan) {
        Plan.Keys keys = plan.keys();
        for (Table table : desired) {
            Table current = existing.get(table.name());
            if (current == null) {
                continue;
            }
            for (ForeignKey fk : current.foreignKeys()) {
                if (fk.name() == null
                        || keys.touched().contains(plan.qualified(Footprint.constraint(table.name(), fk.name())))) {
                    continue;
                }
                String target = Footprint.referencedTable(fk);
                boolean underChange = keys.removed().contains(plan.qualified(Footprint.key(target, fk.referencedColumns())))
                        || fk.columns().stream().anyMatch(
                            c -> keys.removed().contains(plan.qualified(Footprint.column(table.name(), c))))
                        || fk.referencedColumns().stream().anyMatch(
                            c -> keys.removed().contains(plan.qualified(Footprint.column(target, c))));
                if (underChange) {
                    plan.add(Phase.DROP_FOREIGN_KEYS, new DropConstraint(table.name(), fk.name(), fk));
                    plan.add(Phase.ADD_FOREIGN_KEYS, new AddConstraint(table.name(), fk));
                }
            }
        }
    }

    private void compareTable(Table desired, Table actual, Plan plan) {
        new ColumnComparator(dialect).compare(desired, actual, plan);
        Table current = withoutObjectsOverRebuiltColumns(desired, actual, plan);
        new KeyComparator(dialect).compare(desired, current, plan);
        new CheckComparator(dialect).compare(desired, current, plan);
        new ForeignKeyComparator(dialect).compare(desired, current, plan);
        String from = blankToNull(actual.comment());
        String to = blankToNull(desired.comment());
        if (!Objects.equals(from, to)) {
            plan.add(Phase.COMMENTS, new SetTableComment(desired.name(), Change.of(from, to)));
        }
    }

    /**
     * A column whose generation changes is dropped and added again (see {@link ColumnComparator}), and PostgreSQL
     * drops the keys, indexes, checks and foreign keys over it with it. Those are dropped here first, by name, and
     * left out of the table the key and constraint comparators see, so they create the desired ones afresh after
     * the column: both directions of the plan then rebuild them.
     */
    private Table withoutObjectsOverRebuiltColumns(Table desired, Table actual, Plan plan) {
        Set<String> rebuilt = new HashSet<>();
        for (Column column : desired.columns()) {
            actual.column(column.name())
                    .filter(a -> !dialect.sameGenerated(desired.name(), column.generated(), a.generated()))
                    .ifPresent(a -> rebuilt.add(Footprint.column(actual.name(), a.name())));
        }
        if (rebuilt.isEmpty()) {
            return actual;
        }
        String table = actual.name();
        java.util.function.Predicate<Operation> over = op -> Footprint.of(op).requires().stream().anyMatch(rebuilt::contains);
        PrimaryKey pk = actual.primaryKey();
        if (pk != null && over.test(new AddConstraint(table, pk))) {
            plan.add(Phase.DROP_CONSTRAINTS, new DropConstraint(table, pk.name(), pk));
            pk = null;
        }
        List<UniqueConstraint> uniques = keptOrDropped(table, actual.uniqueConstraints(), Phase.DROP_CONSTRAINTS, over, plan);
        List<CheckConstraint> checks = keptOrDropped(table, actual.checks(), Phase.DROP_CONSTRAINTS, over, plan);
        List<ForeignKey> foreignKeys = keptOrDropped(table, actual.foreignKeys(), Phase.DROP_FOREIGN_KEYS, over, plan);
        List<Index> indexes = new ArrayList<>();
        for (Index index : actual.indexes()) {
            if (over.test(new CreateIndex(table, index, false))) {
                plan.add(Phase.DROP_INDEXES, new DropIndex(table, index.name(), index, false));
            } else {
                indexes.add(index);
            }
        }
        return actual.withPrimaryKey(pk).withUniqueConstraints(uniques).withChecks(checks)
                .withForeignKeys(foreignKeys).withIndexes(indexes);
    }

    /** The constraints {@code over} does not hold; each one it holds is dropped, by name, in {@code phase}. */
    private static <C extends dev.retort.schema.Constraint> List<C> keptOrDropped(
            String table, List<C> constraints, Phase phase, java.util.function.Predicate<Operation> over, Plan plan) {
        List<C> kept = new ArrayList<>();
        for (C constraint : constraints) {
            if (over.test(new AddConstraint(table, constraint))) {
                plan.add(phase, new DropConstraint(table, constraint.name(), constraint));
            } else {
                kept.add(constraint);
            }
        }
        return kept;
    }

    /**
     * Creates tables parents first. A foreign key goes inline when its target exists already or is created
     * earlier; one that closes a cycle is added after all tables instead.
     */
    private static void createTables(List<Table> created, Set<String> existing, Plan plan) {
        Set<String> newNames = created.stream().map(Table::name).collect(Collectors.toSet());
        Set<String> done = new HashSet<>();
        for (Table table : dependencyOrder(created, newNames)) {
            List<ForeignKey> inline = new ArrayList<>();
            for (ForeignKey fk : table.foreignKeys()) {
                String target = fk.referencedTable();
                // a table of another schema is ordered by the plan's dependency graph, so it may go inline too
                boolean ready = fk.referencedSchema() != null || target.equals(table.name()) || done.contains(target)
                        || (existing.contains(target) && !newNames.contains(target));
                if (ready) {
                    inline.add(fk);
                } else {
                    plan.add(Phase.ADD_FOREIGN_KEYS, new AddConstraint(table.name(), fk));
                }
            }
            plan.add(Phase.CREATE_TABLES, new CreateTable(table.withForeignKeys(inline)));
            done.add(table.name());
        }
    }

    /** Depth-first order over foreign keys between new tables; ties by name, cycles broken where met. */
    private static List<Table> dependencyOrder(List<Table> tables, Set<String> newNames) {
        Map<String, Table> byName = index(tables);
        List<Table> out = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        Set<String> visited = new HashSet<>();
        for (Table table : tables) {
            visit(table, byName, newNames, visiting, visited, out);
        }
        return out;
    }

    private static void visit(Table table, Map<String, Table> byName, Set<String> newNames, Set<String> visiting,
                              Set<String> visited, List<Table> out) {
        if (visited.contains(table.name()) || !visiting.add(table.name())) {
            return;
        }
        for (ForeignKey fk : table.foreignKeys()) {
            Table target = byName.get(fk.referencedTable());
            if (target != null && newNames.contains(target.name()) && !target.name().equals(table.name())) {
                visit(target, byName, newNames, visiting, visited, out);
            }
        }
        visiting.remove(table.name());
        visited.add(table.name());
        out.add(table);
    }

    /** Drops tables; foreign keys between dropped tables go first, so the drops need no order among them. */
    private static void dropTables(List<Table> dropped, Plan plan) {
        Set<String> names = dropped.stream().map(Table::name).collect(Collectors.toSet());
        for (Table table : dropped) {
            List<ForeignKey> kept = new ArrayList<>();
            for (ForeignKey fk : table.foreignKeys()) {
                if (names.contains(fk.referencedTable()) && !fk.referencedTable().equals(table.name())) {
                    plan.add(Phase.DROP_FOREIGN_KEYS, new DropConstraint(table.name(), fk.name(), fk));
                } else {
                    kept.add(fk);
                }
            }
            plan.add(Phase.DROP_TABLES, new DropTable(table.name(), table.withForeignKeys(kept)));
            plan.warn(Warning.Kind.DATA_LOSS, table.name(), null, "Dropping table " + table.name()
                    + " deletes all its rows.");
        }
    }

    /** A dropped and a created table with the same column names look like a rename, which Retort cannot tell. */
    private static void possibleRenames(List<Table> created, List<Table> dropped, Plan plan) {
        Map<Set<String>, List<Table>> byColumns = new HashMap<>();
        for (Table table : dropped) {
            byColumns.computeIfAbsent(columnNames(table), k -> new ArrayList<>()).add(table);
        }
        for (Table table : created) {
            for (Table old : byColumns.getOrDefault(columnNames(table), List.of())) {
                plan.warn(Warning.Kind.POSSIBLE_RENAME, table.name(), null, "Table " + old.name()
                        + " is dropped and " + table.name() + " created with the same columns. If this is a rename, "
                        + "replace both with op.renameTable(\"" + old.name() + "\", \"" + table.name()
                        + "\") to keep the rows.");
            }
        }
    }

    private static Set<String> columnNames(Table table) {
        return table.columns().stream().map(Column::name).collect(Collectors.toSet());
    }

    private static Map<String, Table> index(List<Table> tables) {
        Map<String, Table> out = new LinkedHashMap<>();
        tables.forEach(t -> out.put(t.name(), t));
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
