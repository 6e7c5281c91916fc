package dev.retort.op;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Names;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.util.Objects;

/**
 * Adds a primary key, unique, check or foreign key constraint to an existing table.
 *
 * @param notValid   a check or foreign key added {@code NOT VALID}: checked for new rows from now on, the existing
 *                   ones only by a later {@link ValidateConstraint} (which does not block writes)
 * @param usingIndex a primary key or unique constraint made from this existing unique index
 *                   ({@code ADD CONSTRAINT ... USING INDEX}), which then takes the constraint's name; {@code null} to
 *                   build its index
 */
public record AddConstraint(String table, Constraint constraint, boolean notValid, String usingIndex)
        implements Operation {

    public AddConstraint {
        Names.require(table, "table name");
        Objects.requireNonNull(constraint, "constraint");
        if (notValid && !(constraint instanceof ForeignKey || constraint instanceof CheckConstraint)) {
            throw new IllegalArgumentException("Only a foreign key or check constraint can be added NOT VALID, not "
                    + constraint.kind() + " " + constraint.name() + " on " + table);
        }
        if (usingIndex != null && !(constraint instanceof UniqueConstraint || constraint instanceof PrimaryKey)) {
            throw new IllegalArgumentException("Only a primary key or unique constraint can use an index, not "
                    + constraint.kind() + " " + constraint.name() + " on " + table);
        }
    }

    public AddConstraint(String table, Constraint constraint) {
        this(table, constraint, false, null);
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
        return "add " + constraint.kind() + (constraint.name() == null ? "" : " " + constraint.name()) + " on " + table
                + (notValid ? " NOT VALID" : "") + (usingIndex == null ? "" : " using index " + usingIndex);
    }
}
