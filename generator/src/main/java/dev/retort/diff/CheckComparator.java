package dev.retort.diff;

import dev.retort.op.AddConstraint;
import dev.retort.op.DropConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Check constraints. A named desired check is matched by name; an unnamed one (Hibernate writes enum checks
 * without a name, PostgreSQL names them) by its expression, under whatever name the database gave it.
 */
final class CheckComparator {

    private final ComparisonDialect dialect;

    CheckComparator(ComparisonDialect dialect) {
        this.dialect = dialect;
    }

    void compare(Table desired, Table actual, Plan plan) {
        String table = desired.name();
        List<CheckConstraint> pool = new ArrayList<>(actual.checks());
        List<CheckConstraint> unnamed = new ArrayList<>();
        for (CheckConstraint check : desired.checks()) {
            if (check.name() == null) {
                unnamed.add(check);
                continue;
            }
            CheckConstraint match = take(pool, c -> check.name().equals(c.name()));
            if (match == null) {
                plan.add(Phase.ADD_CONSTRAINTS, new AddConstraint(table, check));
            } else if (!dialect.sameCheck(table, check.expression(), match.expression())) {
                plan.add(Phase.DROP_CONSTRAINTS, new DropConstraint(table, match.name(), match));
                plan.add(Phase.ADD_CONSTRAINTS, new AddConstraint(table, check));
            }
        }
        for (CheckConstraint check : unnamed) {
            CheckConstraint match = take(pool, c -> dialect.sameCheck(table, check.expression(), c.expression()));
            if (match == null) {
                List<String> columns = desired.columns().stream().map(Column::name).toList();
                plan.add(Phase.ADD_CONSTRAINTS, new AddConstraint(table,
                        CheckConstraint.of(dialect.checkName(table, check.expression(), columns), check.expression())));
            }
        }
        for (CheckConstraint left : pool) {
            plan.add(Phase.DROP_CONSTRAINTS, new DropConstraint(table, left.name(), left));
        }
    }

    private static CheckConstraint take(List<CheckConstraint> pool, Predicate<CheckConstraint> test) {
        for (Iterator<CheckConstraint> it = pool.iterator(); it.hasNext(); ) {
            CheckConstraint c = it.next();
            if (test.test(c)) {
                it.remove();
                return c;
            }
        }
        return null;
    }
}
