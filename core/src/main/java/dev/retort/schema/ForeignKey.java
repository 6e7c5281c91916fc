package dev.retort.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from {@code columns} of the owning table to {@code referencedColumns} of
 * {@code referencedTable}, e.g. {@code ForeignKey.of("fk_entries_user", "user_id", "users", "id").onDelete(CASCADE)}.
 *
 * @param referencedSchema the schema of the referenced table when it is not the owning table's
 *                         ({@code ForeignKey.of(...).inSchema("iam")}), else {@code null}
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, Deferrability deferrability,
                         String referencedSchema)
        implements Constraint {

    /** A foreign key to a table of the owning table's schema. */
    public ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate, Deferrability deferrability) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrability, null);
    }

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
        if (referencedSchema != null) {
            Names.require(referencedSchema, "referenced schema");
        }
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
        return new ForeignKey(name, columns, referencedTable, referencedColumns, value, onUpdate, deferrability,
                referencedSchema);
    }

    public ForeignKey onUpdate(ReferentialAction value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, value, deferrability,
                referencedSchema);
    }

    public ForeignKey deferrable(Deferrability value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, value,
                referencedSchema);
    }

    /** The same key, referencing {@code referencedTable} in schema {@code schema} ({@code null}: the owning table's). */
    public ForeignKey inSchema(String schema) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrability,
                schema);
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
