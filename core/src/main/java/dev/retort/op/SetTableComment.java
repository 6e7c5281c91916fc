package dev.retort.op;

import dev.retort.schema.Names;
import java.util.Objects;

/**
 * Sets or removes ({@code to == null}) a table's comment. Column comments are part of
 * {@link AlterColumn}.
 */
public record SetTableComment(String table, Change<String> comment) implements Operation {

    public SetTableComment {
        Names.require(table, "table name");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public Operation reverse() {
        Change<String> r = comment.reversed();
        if (r == null) {
            throw new IrreversibleOperationException(this, "the previous comment is not recorded");
        }
        return new SetTableComment(table, r);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return (comment.to() == null ? "drop comment on table " : "set comment on table ") + table;
    }
}
