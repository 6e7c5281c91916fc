package dev.retort.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * A column's SQL type as the database spells it, e.g. {@code varchar(255)}, {@code numeric(12,2)},
 * {@code timestamp(6) with time zone} or {@code text[]}. Kept as text so every type PostgreSQL knows
 * (including user-defined enum and domain types) fits; the comparator normalizes spellings.
 */
public record ColumnType(String sql) {

    public ColumnType {
        Objects.requireNonNull(sql, "sql");
        sql = sql.strip();
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("A column type must not be empty");
        }
    }

    public static ColumnType of(String sql) {
        return new ColumnType(sql);
    }

    /**
     * The type without its modifiers and array brackets, lower-cased: {@code varchar(255)} gives
     * {@code varchar}, {@code timestamp(6) with time zone} gives {@code timestamp with time zone}.
     */
    public String baseName() {
        String s = sql.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Whether this is an array type ({@code integer[]}). */
    public boolean isArray() {
        return sql.endsWith("]");
    }

    @Override
    public String toString() {
        return sql;
    }
}
