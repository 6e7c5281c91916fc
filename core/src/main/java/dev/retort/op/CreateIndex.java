package dev.retort.op;

import dev.retort.schema.Index;
import dev.retort.schema.Names;
import java.util.Objects;

/**
 * Creates an index. With {@code concurrently} it is built without blocking writes
 * ({@code CREATE INDEX CONCURRENTLY}), which PostgreSQL only allows outside a transaction: the runner
 * commits what came before and runs it on its own.
 */
public record CreateIndex(String table, Index index, boolean concurrently) implements Operation {

    public CreateIndex {
        Names.require(table, "table name");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public Operation reverse() {
        if (index.name() == null) {
            throw new IrreversibleOperationException(this, "the index has no name to drop it by");
        }
        return new DropIndex(table, index.name(), index, concurrently);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create " + (index.isUnique() ? "unique " : "") + "index " + (concurrently ? "concurrently " : "")
                + (index.name() == null ? "" : index.name() + " ") + "on " + table + " " + index.keyNames();
    }
}
