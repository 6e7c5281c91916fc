package dev.retort.op;

import dev.retort.schema.Names;

/**
 * Checks the existing rows against a constraint added {@code NOT VALID}, under a SHARE UPDATE EXCLUSIVE lock that
 * lets reads and writes go on. Run it in a transaction of its own (a later or a non-transactional revision): in the
 * one that added the constraint, the add's stronger lock would still be held for the whole scan.
 */
public record ValidateConstraint(String table, String name) implements Operation {

    public ValidateConstraint {
        Names.require(table, "table name");
        Names.require(name, "constraint name");
    }

    /** Validating leaves nothing to undo; a downgrade skips it, and running it again is harmless. */
    @Override
    public Operation reverse() {
        return this;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "validate constraint " + name + " on " + table;
    }
}
