package dev.retort.diff;

/**
 * One change as {@code generate} and {@code check} report it: Alembic's operation name where Alembic has one
 * ({@code add_column}), the objects involved, and a sentence for people.
 *
 * @param table  the table, or {@code null} for sequences and types
 * @param column the column, or {@code null}
 * @param name   the constraint, index, sequence or type name, or {@code null}
 */
public record DetectedChange(String op, String table, String column, String name, String description) {
}
