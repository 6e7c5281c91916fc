package dev.retort.ddl;

/**
 * One SQL statement produced for an operation. {@code transactional == false} marks statements PostgreSQL
 * refuses inside a transaction block ({@code CREATE INDEX CONCURRENTLY}): only a revision declared
 * {@code @Revision(transactional = false)} may run them. {@code guard} marks a {@link #guard(String) check}.
 */
public record SqlStatement(String sql, boolean transactional, boolean guard) {

    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, true, false);
    }

    public static SqlStatement outsideTransaction(String sql) {
        return new SqlStatement(sql, false, false);
    }

    /**
     * A check that changes nothing and fails, with a message for people, when the statements after it would
     * lose data; its failure is reported by that message alone, without its SQL.
     */
    public static SqlStatement guard(String sql) {
        return new SqlStatement(sql, true, true);
    }
}
