package dev.retort.op;

import dev.retort.schema.Constraint;
import dev.retort.schema.Names;

/** Drops a named constraint; reversible when it carries the constraint's {@code definition}. */
public record DropConstraint(String table, String name, Constraint definition) implements Operation {

    public DropConstraint {
        Names.require(table, "table name");
        Names.require(name, "constraint name");
        if (definition != null && !name.equals(definition.name())) {
            throw new IllegalArgumentException("Drop of constraint " + name + " carries the definition of " + definition.name());
        }
    }

    @Override
    public Operation reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException(this, "the drop does not carry the constraint's definition");
        }
        return new AddConstraint(table, definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop " + (definition == null ? "constraint" : definition.kind()) + " " + name + " on " + table;
    }
}
