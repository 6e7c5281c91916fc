package dev.retort.op;

import dev.retort.schema.Table;
import java.util.Objects;

/** Creates a table with its columns, constraints, indexes and comments. */
public record CreateTable(Table table) implements Operation {

    public CreateTable {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public Operation reverse() {
        return new DropTable(table.name(), table);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create table " + table.name();
    }
}
