package dev.retort.op;

import dev.retort.schema.Names;

/** Renames a column. */
public record RenameColumn(String table, String from, String to) implements Operation {

    public RenameColumn {
        Names.require(table, "table name");
        Names.require(from, "column name");
        Names.require(to, "new column name");
    }

    @Override
    public Operation reverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "rename column " + table + "." + from + " to " + to;
    }
}
