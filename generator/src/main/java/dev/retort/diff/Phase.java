package dev.retort.diff;

/**
 * The order operations run in: what depends on an object is removed before it and created after it.
 * Drops come first (foreign keys, constraints, indexes), creations follow (types and sequences, tables,
 * columns), then what was left to drop (columns, tables, types), then new indexes, constraints and foreign
 * keys, comments last.
 */
enum Phase {
    DROP_FOREIGN_KEYS,
    DROP_CONSTRAINTS,
    DROP_INDEXES,
    CREATE_TYPES_AND_SEQUENCES,
    CREATE_TABLES,
    ADD_COLUMNS,
    ALTER_COLUMNS,
    DROP_COLUMNS,
    DROP_TABLES,
    DROP_TYPES_AND_SEQUENCES,
    ADD_INDEXES,
    ADD_CONSTRAINTS,
    ADD_FOREIGN_KEYS,
    COMMENTS
}
