package dev.retort.op;

import dev.retort.schema.Constraint;
import dev.retort.schema.Names;
import java.util.Objects;

/** Adds a primary key, unique, check or foreign key constraint to an existing table. */
public record AddConstraint(String table, Constraint constraint) implements Operation {

    public AddConstraint {
        Names.require(table, "table name");
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public Operation reverse() {
        if (constraint.name() == null) {
            throw new IrreversibleOperationException(this, "the constraint has no name to drop it by");
        }
        return new DropConstraint(table, constraint.name(), constraint);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add " + constraint.kind() + (constraint.name() == null ? "" : " " + constraint.name()) + " on " + table;
    }
}
