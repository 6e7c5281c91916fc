package dev.retort.schema;

import java.util.List;
import java.util.Objects;

/** A {@code UNIQUE} constraint over one or more columns. */
public record UniqueConstraint(String name, List<String> columns, Deferrability deferrability) implements Constraint {

    public UniqueConstraint {
        columns = Names.requireColumns(columns, "unique constraint");
        Objects.requireNonNull(deferrability, "deferrability");
    }

    public static UniqueConstraint of(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns), Deferrability.NOT_DEFERRABLE);
    }

    /** A unique constraint PostgreSQL names itself ({@code <table>_<column>_key}). */
    public static UniqueConstraint unnamed(String... columns) {
        return new UniqueConstraint(null, List.of(columns), Deferrability.NOT_DEFERRABLE);
    }

    public UniqueConstraint deferrable(Deferrability value) {
        return new UniqueConstraint(name, columns, value);
    }

    @Override
    public String kind() {
        return "unique constraint";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
