package dev.retort.op;

import dev.retort.schema.Names;

/** Creates a schema ({@code CREATE SCHEMA name}); its reverse drops it, which PostgreSQL allows only when empty. */
public record CreateSchema(String name) implements Operation {

    public CreateSchema {
        Names.require(name, "schema name");
    }

    @Override
    public Operation reverse() {
        return new DropSchema(name);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create schema " + name;
    }
}
