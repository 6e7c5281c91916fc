package dev.retort.diff;

/**
 * The order operations run in: what depends on an object is removed before it and created after it.
 * Enum values are added first: they run outside the migration's transaction (committed before it, so it can
 * use them), and nothing else should commit with them. New schemas are created next. Views that change go next, and come back after
 * everything else but comments (they may read any table). Drops come next (foreign keys, constraints, indexes,
 * whole tables: their index and constraint names are free again for a table created under a new name),
 * creations follow (types and sequences, tables, columns), then what was left to drop (columns, then types
 * and sequences nothing uses any more), then new indexes, constraints and foreign keys, comments last.
 */
enum Phase {
    ADD_ENUM_VALUES,
    CREATE_SCHEMAS,
    DROP_VIEWS,
    DROP_FOREIGN_KEYS,
    DROP_CONSTRAINTS,
    DROP_INDEXES,
    DROP_TABLES,
    CREATE_TYPES_AND_SEQUENCES,
    CREATE_TABLES,
    ADD_COLUMNS,
    ALTER_COLUMNS,
    DROP_COLUMNS,
    DROP_TYPES_AND_SEQUENCES,
    ADD_INDEXES,
    ADD_CONSTRAINTS,
    ADD_FOREIGN_KEYS,
    CREATE_VIEWS,
    COMMENTS
}
