package dev.retort.op;

import dev.retort.schema.Names;
import java.util.Objects;

/**
 * Renames an index, a constraint or a sequence, keeping it as it is: no rebuild, no check of the rows, and a
 * sequence keeps its current value. Written by {@code generate} for the objects whose derived names follow a renamed
 * table or column.
 *
 * @param table the table the index or constraint belongs to ({@code ALTER TABLE ... RENAME CONSTRAINT} needs it);
 *              {@code null} for a sequence
 */
public record RenameObject(Kind kind, String table, String from, String to) implements Operation {

    /** What is renamed. */
    public enum Kind { INDEX, CONSTRAINT, SEQUENCE }

    public RenameObject {
        Objects.requireNonNull(kind, "kind");
        Names.require(from, kind.name().toLowerCase(java.util.Locale.ROOT) + " name");
        Names.require(to, "new " + kind.name().toLowerCase(java.util.Locale.ROOT) + " name");
        if (kind == Kind.CONSTRAINT) {
            Names.require(table, "table name");
        }
    }

    @Override
    public Operation reverse() {
        return new RenameObject(kind, table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return switch (kind) {
            case INDEX -> "rename index " + from + " to " + to;
            case CONSTRAINT -> "rename constraint " + table + "." + from + " to " + to;
            case SEQUENCE -> "rename sequence " + from + " to " + to;
        };
    }
}
