package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.Index;

/**
 * Drops an index; reversible when it carries the owning {@code table} and the index {@code definition}.
 */
public record DropIndex(String table, String name, Index definition, boolean concurrently) implements Operation {

    public DropIndex {
        Names.require(name, "index name");
        if (definition != null && !name.equals(definition.name())) {
            throw new IllegalArgumentException("Drop of index " + name + " carries the definition of " + definition.name());
        }
    }

    @Override
    public Operation reverse() {
        if (definition == null || table == null) {
            throw new IrreversibleOperationException(this, "the drop does not carry the index's table and definition");
        }
        return new CreateIndex(table, definition, concurrently);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop index " + (concurrently ? "concurrently " : "") + name + (table == null ? "" : " on " + table);
    }
}
