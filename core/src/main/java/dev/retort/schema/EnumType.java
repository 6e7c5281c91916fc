package dev.retort.schema;

import java.util.HashSet;
import java.util.List;

/** A PostgreSQL enum type ({@code CREATE TYPE mood AS ENUM (...)}); the order of values is significant. */
public record EnumType(String name, List<String> values) {

    public EnumType {
        Names.require(name, "enum type name");
        values = List.copyOf(values);
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("Enum type " + name + " lists a value twice: " + values);
        }
    }

    public static EnumType of(String name, String... values) {
        return new EnumType(name, List.of(values));
    }
}
