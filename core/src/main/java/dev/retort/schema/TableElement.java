package dev.retort.schema;

/**
 * Something that can be listed inside a table definition: a column, a constraint or an index. Lets a
 * migration write {@code op.createTable("tags", Column.of(...), PrimaryKey.of(...), Index.of(...))}.
 */
public sealed interface TableElement permits Column, Constraint, Index {
}
