package dev.retort.catalog;

import dev.retort.runtime.RuntimeSettings;
import dev.retort.schema.Schema;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which database objects Retort manages: names matching an {@code include} pattern (all when there is none)
 * and no {@code exclude} pattern. Patterns are globs: {@code *} any run of characters, {@code ?} one. The
 * version table and its history table are never managed.
 */
public record CatalogFilter(String versionTable, List<String> include, List<String> exclude) {

    public CatalogFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static CatalogFilter of(String versionTable) {
        return new CatalogFilter(versionTable, List.of(), List.of());
    }

    /** Whether a table, sequence or type named {@code name} is compared. */
    public boolean includes(String name) {
        if (name.equals(versionTable) || name.equals(RuntimeSettings.historyTableOf(versionTable))
                || name.equals(RuntimeSettings.progressTableOf(versionTable))) {
            return false;
        }
        if (!include.isEmpty() && include.stream().noneMatch(p -> matches(p, name))) {
            return false;
        }
        return exclude.stream().noneMatch(p -> matches(p, name));
    }

    /** {@code schema} with only the tables, sequences, types and views this filter includes: how the entities' side is cut. */
    public Schema apply(Schema schema) {
        return new Schema(schema.name(),
                schema.tables().stream().filter(t -> includes(t.name())).toList(),
                schema.sequences().stream().filter(s -> includes(s.name())).toList(),
                schema.enumTypes().stream().filter(e -> includes(e.name())).toList(),
                schema.views().stream().filter(v -> includes(v.name())).toList());
    }

    static boolean matches(String glob, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), name);
    }
}
