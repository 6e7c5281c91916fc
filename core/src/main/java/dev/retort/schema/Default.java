package dev.retort.schema;

import java.util.Objects;

/**
 * A column's server-side default: an SQL expression such as {@code 0}, {@code 'draft'}, {@code now()} or
 * {@code nextval('entries_seq'::regclass)}, kept exactly as written.
 */
public record Default(String sql) {

    public Default {
        Objects.requireNonNull(sql, "sql");
        sql = sql.strip();
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("A default expression must not be empty");
        }
    }

    public static Default of(String sql) {
        return new Default(sql);
    }

    @Override
    public String toString() {
        return sql;
    }
}
