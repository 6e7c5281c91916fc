package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.Sequence;

/** Drops a sequence; reversible when it carries the sequence's {@code definition}. */
public record DropSequence(String name, Sequence definition) implements Operation {

    public DropSequence {
        Names.require(name, "sequence name");
        if (definition != null && !definition.name().equals(name)) {
            throw new IllegalArgumentException("Drop of sequence " + name + " carries the definition of " + definition.name());
        }
    }

    @Override
    public Operation reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException(this, "the drop does not carry the sequence's definition");
        }
        return new CreateSequence(definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop sequence " + name;
    }
}
