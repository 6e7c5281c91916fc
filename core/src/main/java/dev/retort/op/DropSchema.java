package dev.retort.op;

import dev.retort.schema.Names;

/**
 * Drops a schema ({@code DROP SCHEMA name}, without {@code CASCADE}: PostgreSQL refuses while anything is left in
 * it, so nothing goes that the migration did not drop itself).
 */
public record DropSchema(String name) implements Operation {

    public DropSchema {
        Names.require(name, "schema name");
    }

    @Override
    public Operation reverse() {
        return new CreateSchema(name);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop schema " + name;
    }
}
