package dev.retort.ddl;

/**
 * One SQL statement produced for an operation. {@code transactional == false} marks statements PostgreSQL
 * refuses inside a transaction block ({@code CREATE INDEX CONCURRENTLY}), or whose effect the rest of the
 * transaction could not use ({@code ALTER TYPE ... ADD VALUE}); the runner runs those on their own.
 */
public record Statement(String sql, boolean transactional) {

    public static Statement of(String sql) {
        return new Statement(sql, true);
    }

    public static Statement outsideTransaction(String sql) {
        return new Statement(sql, false);
    }
}
