package dev.retort.schema;

import java.util.Objects;

/**
 * A standalone sequence, e.g. one Hibernate's {@code @SequenceGenerator} uses.
 *
 * @param dataType      {@code smallint}, {@code integer} or {@code bigint}; {@code null} for PostgreSQL's default (bigint)
 * @param ownedByTable  the table of the column that owns it ({@code OWNED BY}), or {@code null}
 * @param ownedByColumn the owning column, or {@code null}
 */
public record Sequence(String name, String dataType, SequenceOptions options, String ownedByTable,
                       String ownedByColumn) {

    public Sequence {
        Names.require(name, "sequence name");
        Objects.requireNonNull(options, "options");
        if ((ownedByTable == null) != (ownedByColumn == null)) {
            throw new IllegalArgumentException("Sequence " + name + " is owned by a table and column, or by nothing");
        }
    }

    public static Sequence of(String name) {
        return new Sequence(name, null, SequenceOptions.DEFAULTS, null, null);
    }

    public Sequence as(String value) {
        return new Sequence(name, value, options, ownedByTable, ownedByColumn);
    }

    public Sequence startWith(long value) {
        return withOptions(options.withStart(value));
    }

    public Sequence incrementBy(long value) {
        return withOptions(options.withIncrement(value));
    }

    public Sequence cache(long value) {
        return withOptions(options.withCache(value));
    }

    public Sequence withOptions(SequenceOptions value) {
        return new Sequence(name, dataType, value, ownedByTable, ownedByColumn);
    }

    public Sequence ownedBy(String table, String column) {
        return new Sequence(name, dataType, options, table, column);
    }
}
