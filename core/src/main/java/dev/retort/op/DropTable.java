package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.Table;

/**
 * Drops a table. Generated migrations carry the full {@code definition} so the drop can be reversed;
 * a hand-written {@code op.dropTable("t")} has none and cannot.
 */
public record DropTable(String name, Table definition) implements Operation {

    public DropTable {
        Names.require(name, "table name");
        if (definition != null && !definition.name().equals(name)) {
            throw new IllegalArgumentException("Drop of table " + name + " carries the definition of " + definition.name());
        }
    }

    @Override
    public Operation reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException(this, "the drop does not carry the table's definition");
        }
        return new CreateTable(definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop table " + name;
    }
}
