package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.View;

/** Drops a view; reversible when it carries the view's {@code definition}. */
public record DropView(String name, View definition) implements Operation {

    public DropView {
        Names.require(name, "view name");
        if (definition != null && !definition.name().equals(name)) {
            throw new IllegalArgumentException("Drop of view " + name + " carries the definition of " + definition.name());
        }
    }

    @Override
    public Operation reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException(this, "the drop does not carry the view's query");
        }
        return new CreateView(definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop view " + name;
    }
}
