package dev.retort.diff;

/**
 * The order operations run in: what depends on an object is removed before it and created after it.
 * Drops come first (foreign keys, then constraints and indexes), creations follow (types and sequences,
 * tables, columns), then what was left to drop (columns, tables, types), then new constraints, indexes and
 * foreign keys, comments last.
 */
enum Phase {
    DROP_FOREIGN_KEYS,
    DROP_CONSTRAINTS_AND_INDEXES,
    CREATE_TYPES_AND_SEQUENCES,
    CREATE_TABLES,
    ADD_COLUMNS,
    ALTER_COLUMNS,
    DROP_COLUMNS,
    DROP_TABLES,
    DROP_TYPES_AND_SEQUENCES,
    ADD_CONSTRAINTS_AND_INDEXES,
    ADD_FOREIGN_KEYS,
    COMMENTS
}
