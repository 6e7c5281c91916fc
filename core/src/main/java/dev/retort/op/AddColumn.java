package dev.retort.op;

import dev.retort.schema.Column;
import dev.retort.schema.Names;
import java.util.Objects;

/** Adds a column to an existing table. */
public record AddColumn(String table, Column column) implements Operation {

    public AddColumn {
        Names.require(table, "table name");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public Operation reverse() {
        return new DropColumn(table, column.name(), column);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add column " + table + "." + column.name();
    }
}
