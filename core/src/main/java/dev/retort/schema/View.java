package dev.retort.schema;

import java.util.Objects;

/**
 * A view: {@code CREATE VIEW name AS query}. The query is kept as SQL text; the comparator holds it against the
 * server's own deparsed definition ({@code pg_get_viewdef}), so two spellings of one query agree.
 */
public record View(String name, String query) {

    public View {
        Names.require(name, "view name");
        Objects.requireNonNull(query, "query");
        query = query.strip();
        if (query.isEmpty()) {
            throw new IllegalArgumentException("The query of view " + name + " must not be empty");
        }
    }

    public static View of(String name, String query) {
        return new View(name, query);
    }
}
