package dev.retort.schema;

import java.util.Arrays;
import java.util.List;

/**
 * An index. {@code Index.of("ix_reminders_due_at", "due_at")} for the common case; {@link #unique()},
 * {@link #where(String)}, {@link #using(String)} and {@link IndexElement} for the rest.
 *
 * @param method the access method ({@code btree}, {@code gin}, ...), or {@code null} for btree
 * @param where  the partial-index predicate, or {@code null}
 */
public record Index(String name, List<IndexElement> elements, boolean isUnique, String method, String where,
                    List<String> include) implements TableElement {

    public Index {
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("Index " + name + " needs at least one column or expression");
        }
        include = List.copyOf(include);
        if (method != null && method.equalsIgnoreCase("btree")) {
            method = null;
        }
    }

    public static Index of(String name, String... columns) {
        return new Index(name, Arrays.stream(columns).map(IndexElement::column).toList(), false, null, null, List.of());
    }

    public static Index of(String name, IndexElement... elements) {
        return new Index(name, List.of(elements), false, null, null, List.of());
    }

    public Index unique() {
        return new Index(name, elements, true, method, where, include);
    }

    public Index withUnique(boolean value) {
        return new Index(name, elements, value, method, where, include);
    }

    public Index using(String value) {
        return new Index(name, elements, isUnique, value, where, include);
    }

    public Index where(String predicate) {
        return new Index(name, elements, isUnique, method, predicate, include);
    }

    public Index include(String... columns) {
        return new Index(name, elements, isUnique, method, where, List.of(columns));
    }

    /** The plain column names when every key is a column, for messages; expressions are shown as written. */
    public List<String> keyNames() {
        return elements.stream().map(e -> e.column() != null ? e.column() : e.expression()).toList();
    }
}
