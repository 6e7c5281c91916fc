package dev.retort.bench;

import java.util.List;

/** One synthetic entity, as {@link ModelGenerator} decides it and {@link EntityWriter} writes it. */
record EntityModel(int index, String noun, String className, String table, IdKind idKind, String sequence,
                   int allocationSize, int initialValue, List<Field> fields, List<Relation> relations,
                   List<Index> indexes, List<Unique> uniques, List<Check> checks, String comment, boolean versioned) {

    enum IdKind { SEQUENCE, IDENTITY, UUID }

    /** Column kinds, in the order of {@code ModelGenerator.NAMES}. */
    enum Kind { VARCHAR, TEXT, INTEGER, BIGINT, BOOLEAN, TIMESTAMPTZ, NUMERIC, UUID, JSON, DATE, ENUM_STRING,
        ENUM_ORDINAL, NAMED_ENUM }

    /**
     * A basic attribute.
     *
     * @param check     a column-level check ({@code @Column(check = ...)}), or {@code null}
     * @param checkName its name, or {@code null} for an anonymous one
     * @param javaEnum  the enum class for the enum kinds
     */
    record Field(String column, Kind kind, boolean nullable, boolean primitive, int length, int precision, int scale,
                 int secondPrecision, String defaultValue, boolean unique, String comment, String check,
                 String checkName, String javaEnum) {
    }

    /** A {@code @ManyToOne} to an earlier entity. */
    record Relation(String field, String column, EntityModel target, boolean nullable, String onDelete,
                    String foreignKeyName) {
    }

    record Index(String name, List<String> columns, boolean unique) {
    }

    record Unique(String name, List<String> columns) {
    }

    record Check(String name, String expression) {
    }
}
