package dev.retort.op;

import dev.retort.schema.EnumType;
import java.util.Objects;

/** Creates an enum type. */
public record CreateEnumType(EnumType type) implements Operation {

    public CreateEnumType {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public Operation reverse() {
        return new DropEnumType(type.name(), type);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create enum type " + type.name() + " " + type.values();
    }
}
