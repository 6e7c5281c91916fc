package dev.retort.diff;

import dev.retort.op.AddConstraint;
import dev.retort.op.DropConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign keys, matched by name (Hibernate names them), or by columns and target when unnamed. A changed
 * target, action (ON DELETE / ON UPDATE) or deferrability is a drop and an add.
 */
final class ForeignKeyComparator {

    private final ComparisonDialect dialect;

    ForeignKeyComparator(ComparisonDialect dialect) {
        this.dialect = dialect;
    }

    void compare(Table desired, Table actual, Plan plan) {
        String table = desired.name();
        List<ForeignKey> pool = new ArrayList<>(actual.foreignKeys());
        for (ForeignKey fk : desired.foreignKeys()) {
            ForeignKey match = null;
            for (ForeignKey candidate : pool) {
                boolean same = fk.name() != null ? fk.name().equals(candidate.name())
                        : fk.columns().equals(candidate.columns()) && fk.referencedTable().equals(candidate.referencedTable());
                if (same) {
                    match = candidate;
                    break;
                }
            }
            if (match == null) {
                plan.add(Phase.ADD_FOREIGN_KEYS, new AddConstraint(table, named(table, fk)));
                continue;
            }
            pool.remove(match);
            if (!sameDefinition(fk, match)) {
                plan.add(Phase.DROP_FOREIGN_KEYS, new DropConstraint(table, match.name(), match));
                plan.add(Phase.ADD_FOREIGN_KEYS, new AddConstraint(table, fk.name() != null ? fk
                        : new ForeignKey(match.name(), fk.columns(), fk.referencedTable(), fk.referencedColumns(),
                            fk.onDelete(), fk.onUpdate(), fk.deferrability())));
            }
        }
        for (ForeignKey left : pool) {
            plan.add(Phase.DROP_FOREIGN_KEYS, new DropConstraint(table, left.name(), left));
        }
    }

    private static boolean sameDefinition(ForeignKey d, ForeignKey a) {
        return d.columns().equals(a.columns()) && d.referencedTable().equals(a.referencedTable())
                && d.referencedColumns().equals(a.referencedColumns()) && d.onDelete() == a.onDelete()
                && d.onUpdate() == a.onUpdate() && d.deferrability() == a.deferrability();
    }

    /** An unnamed foreign key gets the database's own name for it, so it can be dropped again by name. */
    private ForeignKey named(String table, ForeignKey fk) {
        if (fk.name() != null) {
            return fk;
        }
        return new ForeignKey(dialect.foreignKeyName(table, fk.columns()),
                fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(),
                fk.deferrability());
    }
}
