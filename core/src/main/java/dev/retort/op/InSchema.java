package dev.retort.op;

import dev.retort.schema.Names;
import java.util.Objects;

/**
 * An operation on objects of schema {@code schema} rather than the working schema: {@code op.schema("audit")
 * .createTable(...)} in a migration. The DDL names every object it creates, alters or drops with the schema
 * ({@code CREATE TABLE audit.log}); a foreign key's target stays in the same schema unless the key names another
 * ({@link dev.retort.schema.ForeignKey#referencedSchema()}).
 */
public record InSchema(String schema, Operation operation) implements Operation {

    public InSchema {
        Names.require(schema, "schema name");
        Objects.requireNonNull(operation, "operation");
        if (operation instanceof InSchema || operation instanceof CreateSchema || operation instanceof DropSchema) {
            throw new IllegalArgumentException("Operation " + operation.describe() + " cannot be put in schema " + schema);
        }
    }

    @Override
    public Operation reverse() {
        return new InSchema(schema, operation.reverse());
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return operation.describe() + " (schema " + schema + ")";
    }
}
