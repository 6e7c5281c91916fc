package dev.retort.op;

import java.util.Objects;

/**
 * Runs SQL written by hand, typically a data migration. Reversible when the author supplies
 * {@code reverseSql}.
 */
public record ExecuteSql(String sql, String reverseSql) implements Operation {

    public ExecuteSql {
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("op.execute needs SQL to run");
        }
    }

    @Override
    public Operation reverse() {
        if (reverseSql == null) {
            throw new IrreversibleOperationException(this, "no reverse SQL was given");
        }
        return new ExecuteSql(reverseSql, sql);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return "execute " + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine);
    }
}
