package dev.retort.op;

import dev.retort.schema.Names;

/** Renames a table. */
public record RenameTable(String from, String to) implements Operation {

    public RenameTable {
        Names.require(from, "table name");
        Names.require(to, "new table name");
    }

    @Override
    public Operation reverse() {
        return new RenameTable(to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "rename table " + from + " to " + to;
    }
}
