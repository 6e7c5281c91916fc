package dev.retort.op;

import dev.retort.schema.EnumType;
import dev.retort.schema.Names;

/** Drops an enum type; reversible when it carries the type's {@code definition}. */
public record DropEnumType(String name, EnumType definition) implements Operation {

    public DropEnumType {
        Names.require(name, "enum type name");
        if (definition != null && !definition.name().equals(name)) {
            throw new IllegalArgumentException("Drop of enum type " + name + " carries the definition of " + definition.name());
        }
    }

    @Override
    public Operation reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException(this, "the drop does not carry the type's values");
        }
        return new CreateEnumType(definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop enum type " + name;
    }
}
