package dev.retort.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Argument checks and the deterministic orderings shared by the schema and operation records. */
public final class Names {

    private Names() {
    }

    public static String require(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A " + what + " must not be empty");
        }
        return name;
    }

    public static List<String> requireColumns(List<String> columns, String what) {
        List<String> copy = List.copyOf(columns);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("A " + what + " needs at least one column");
        }
        copy.forEach(c -> require(c, "column name"));
        return copy;
    }

    /** Sorts by name, unnamed last, keeping declaration order among equals. */
    static <T> List<T> sortedByName(List<T> items, Function<T, String> name) {
        return items.stream()
                .sorted(Comparator.comparing(name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
