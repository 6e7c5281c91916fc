package dev.retort.op;

import dev.retort.schema.Column;
import dev.retort.schema.Names;

/** Drops a column; reversible when it carries the column's {@code definition}. */
public record DropColumn(String table, String column, Column definition) implements Operation {

    public DropColumn {
        Names.require(table, "table name");
        Names.require(column, "column name");
        if (definition != null && !definition.name().equals(column)) {
            throw new IllegalArgumentException("Drop of column " + column + " carries the definition of " + definition.name());
        }
    }

    @Override
    public Operation reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException(this, "the drop does not carry the column's definition");
        }
        return new AddColumn(table, definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop column " + table + "." + column;
    }
}
