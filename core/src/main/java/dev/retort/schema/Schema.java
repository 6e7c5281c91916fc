package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A whole database schema: the tables, sequences, enum types and views of one PostgreSQL schema, each list
 * ordered by name.
 *
 * @param name the PostgreSQL schema name, or {@code null} for the connection's default ({@code search_path})
 */
public record Schema(String name, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes,
                     List<View> views) {

    public Schema {
        tables = Names.sortedByName(List.copyOf(tables), Table::name);
        sequences = Names.sortedByName(List.copyOf(sequences), Sequence::name);
        enumTypes = Names.sortedByName(List.copyOf(enumTypes), EnumType::name);
        views = Names.sortedByName(List.copyOf(views), View::name);
    }

    /** A schema without views. */
    public Schema(String name, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {
        this(name, tables, sequences, enumTypes, List.of());
    }

    public static Schema empty(String name) {
        return new Schema(name, List.of(), List.of(), List.of());
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }
}
