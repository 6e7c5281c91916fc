/**
 * The schema model: immutable records describing tables, columns, constraints, indexes, sequences and
 * enum types. Both readers produce it; the comparator, the operations and the DDL renderer consume it.
 *
 * <p>The records double as the vocabulary of migration classes ({@code Column.of("id", "bigint").notNull()}),
 * so what a generated migration spells is exactly what the comparator saw.
 */
package dev.retort.schema;
