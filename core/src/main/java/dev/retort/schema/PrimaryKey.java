package dev.retort.schema;

import java.util.List;

/** A primary key. {@code name} may be {@code null} to let PostgreSQL call it {@code <table>_pkey}. */
public record PrimaryKey(String name, List<String> columns) implements Constraint {

    public PrimaryKey {
        columns = Names.requireColumns(columns, "primary key");
    }

    public static PrimaryKey of(String name, String... columns) {
        return new PrimaryKey(name, List.of(columns));
    }

    /** A primary key PostgreSQL names itself ({@code <table>_pkey}), as Hibernate's DDL leaves it. */
    public static PrimaryKey unnamed(String... columns) {
        return new PrimaryKey(null, List.of(columns));
    }

    @Override
    public String kind() {
        return "primary key";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
