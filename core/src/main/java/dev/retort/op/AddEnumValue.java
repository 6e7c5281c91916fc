package dev.retort.op;

import dev.retort.schema.Names;

/**
 * Adds a value to an enum type, at the end or before/after an existing value. PostgreSQL cannot remove
 * an enum value, so this is irreversible: a downgrade must recreate the type by hand.
 *
 * @param before the existing value to insert before, or {@code null}
 * @param after  the existing value to insert after, or {@code null}
 */
public record AddEnumValue(String type, String value, String before, String after) implements Operation {

    public AddEnumValue {
        Names.require(type, "enum type name");
        Names.require(value, "enum value");
        if (before != null && after != null) {
            throw new IllegalArgumentException("Enum value " + value + " goes either before or after an existing value");
        }
    }

    @Override
    public Operation reverse() {
        throw new IrreversibleOperationException(this,
                "PostgreSQL cannot remove a value from an enum type; recreate the type in the downgrade instead");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add value '" + value + "' to enum type " + type;
    }
}
