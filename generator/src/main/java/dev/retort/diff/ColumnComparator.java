package dev.retort.diff;

import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropColumn;
import dev.retort.schema.Column;
import dev.retort.schema.Default;
import dev.retort.schema.Identity;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Columns of a table present on both sides: added, dropped, or altered aspect by aspect. */
final class ColumnComparator {

    private final ComparisonDialect dialect;

    ColumnComparator(ComparisonDialect dialect) {
        this.dialect = dialect;
    }

    void compare(Table desired, Table actual, Plan plan) {
        String table = desired.name();
        Map<String, Column> existing = actual.columns().stream()
                .collect(Collectors.toMap(Column::name, Function.identity()));
        Map<String, Column> wanted = desired.columns().stream()
                .collect(Collectors.toMap(Column::name, Function.identity()));
        List<Column> added = new ArrayList<>();
        for (Column column : desired.columns()) {
            Column current = existing.get(column.name());
            if (current != null && !dialect.sameGenerated(table, column.generated(), current.generated())) {
                // PostgreSQL 15 cannot give a column a generation expression or change one: drop it and add it anew.
                plan.add(Phase.DROP_COLUMNS, new DropColumn(table, current.name(), current));
                plan.add(Phase.ADD_COLUMNS, new AddColumn(table, column));
                if (current.generated() == null || column.generated() == null) {
                    plan.warn(Warning.Kind.DATA_LOSS, table, column.name(), "Column " + table + "." + column.name()
                            + (current.generated() == null ? " becomes a generated column" : " stops being generated")
                            + ", which PostgreSQL can only do by dropping it and adding it again: its values are lost"
                            + (current.generated() == null ? " (computed anew)" : " (it starts empty)")
                            + ", and the indexes and constraints over it are re-created.");
                }
                continue;
            }
            if (current == null) {
                added.add(column);
                plan.add(Phase.ADD_COLUMNS, new AddColumn(table, column));
                if (!column.isNullable() && column.defaultValue() == null && column.identity() == null) {
                    plan.warn(Warning.Kind.NOT_NULL_WITHOUT_DEFAULT, table, column.name(), "Adding NOT NULL column "
                            + table + "." + column.name() + " without a default fails if the table has rows: add a "
                            + "default, or add it nullable, fill it, then set NOT NULL.");
                }
            } else {
                alter(table, column, current, plan);
            }
        }
        for (Column column : actual.columns()) {
            if (!wanted.containsKey(column.name())) {
                plan.add(Phase.DROP_COLUMNS, new DropColumn(table, column.name(), column));
                plan.warn(Warning.Kind.DATA_LOSS, table, column.name(), "Dropping column " + table + "."
                        + column.name() + " deletes its data.");
                for (Column candidate : added) {
                    if (dialect.sameType(candidate.type(), column.type())) {
                        plan.warn(Warning.Kind.POSSIBLE_RENAME, table, candidate.name(), "Column " + table + "."
                                + column.name() + " is dropped and " + candidate.name() + " added with the same type. "
                                + "If this is a rename, replace both with op.renameColumn(\"" + table + "\", \""
                                + column.name() + "\", \"" + candidate.name() + "\") to keep the data.");
                    }
                }
            }
        }
    }

    private void alter(String table, Column desired, Column actual, Plan plan) {
        AlterColumn.Builder change = new AlterColumn.Builder(table, desired.name());
        boolean typeChanges = !dialect.sameType(desired.type(), actual.type());
        if (typeChanges) {
            change.type(actual.type(), desired.type());
            switch (dialect.typeChange(actual.type(), desired.type())) {
                case NARROWING -> plan.warn(Warning.Kind.DATA_LOSS, table, desired.name(), "Narrowing " + table + "."
                        + desired.name() + " from " + actual.type() + " to " + desired.type()
                        + " stops the upgrade (rolled back, with a count) when any row holds a value that does not "
                        + "fit; to cut or round such values on purpose, add .allowLoss() to the type change.");
                case CONVERSION -> plan.warn(Warning.Kind.CONVERSION, table, desired.name(), "Converting " + table
                        + "." + desired.name() + " from " + actual.type() + " to " + desired.type()
                        + " casts every value; it fails on values that do not convert. Check the USING expression.");
                case WIDENING -> { }
            }
        }
        if (desired.isNullable() != actual.isNullable()) {
            change.nullable(actual.isNullable(), desired.isNullable());
            if (!desired.isNullable()) {
                plan.warn(Warning.Kind.NOT_NULL_WITHOUT_DEFAULT, table, desired.name(), "Setting " + table + "."
                        + desired.name() + " NOT NULL fails if any row holds NULL there; fill those rows first.");
            }
        }
        Default wantedDefault = desired.identity() != null ? null : desired.defaultValue();
        // A type change sets even an unchanged default again: PostgreSQL would convert the old expression itself,
        // keeping the old type's spelling ('x'::character varying on a text column), or fail where it does not cast.
        boolean keptAcrossTypeChange = typeChanges && wantedDefault != null && actual.defaultValue() != null;
        if (keptAcrossTypeChange || !dialect.sameDefault(desired, wantedDefault, actual.defaultValue())) {
            change.defaultValue(actual.defaultValue(), wantedDefault);
        }
        change.collation(actual.collation(), desired.collation(), actual.type());
        if (!sameIdentity(desired, actual)) {
            change.identity(actual.identity(), desired.identity());
        }
        String fromComment = TableComparator.blankToNull(actual.comment());
        String toComment = TableComparator.blankToNull(desired.comment());
        if (!Objects.equals(fromComment, toComment)) {
            change.comment(fromComment, toComment);
        }
        AlterColumn alteration = change.build();
        if (alteration != null && dialect.restatesColumns()) {
            alteration = alteration.restating(actual, desired.identity() != null ? desired.withDefault((dev.retort.schema.Default) null)
                    : desired);
        }
        if (alteration != null) {
            plan.add(Phase.ALTER_COLUMNS, alteration);
        }
    }

    private boolean sameIdentity(Column desired, Column actual) {
        Identity d = desired.identity();
        Identity a = actual.identity();
        if (d == null || a == null) {
            return d == a;
        }
        String type = desired.type().sql();
        return d.always() == a.always()
                && dialect.withDefaults(d.options(), type).equals(dialect.withDefaults(a.options(), type));
    }
}
