package dev.retort.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from {@code columns} of the owning table to {@code referencedColumns} of
 * {@code referencedTable}, e.g. {@code ForeignKey.of("fk_entries_user", "user_id", "users", "id").onDelete(CASCADE)}.
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, Deferrability deferrability)
        implements Constraint {

    public ForeignKey {
        columns = Names.requireColumns(columns, "foreign key");
        Names.require(referencedTable, "referenced table");
        referencedColumns = Names.requireColumns(referencedColumns, "foreign key's referenced side");
        if (columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
                    + " column(s) but references " + referencedColumns.size());
        }
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(deferrability, "deferrability");
    }

    public static ForeignKey of(String name, String column, String referencedTable, String referencedColumn) {
        return of(name, List.of(column), referencedTable, List.of(referencedColumn));
    }

    public static ForeignKey of(String name, List<String> columns, String referencedTable,
                                List<String> referencedColumns) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, Deferrability.NOT_DEFERRABLE);
    }

    public ForeignKey onDelete(ReferentialAction value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, value, onUpdate, deferrability);
    }

    public ForeignKey onUpdate(ReferentialAction value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, value, deferrability);
    }

    public ForeignKey deferrable(Deferrability value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, value);
    }

    @Override
    public String kind() {
        return "foreign key";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
