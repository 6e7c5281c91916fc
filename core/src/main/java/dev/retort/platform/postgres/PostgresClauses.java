package dev.retort.platform.postgres;

import static dev.retort.platform.postgres.PostgresIdentifiers.literal;
import static dev.retort.platform.postgres.PostgresIdentifiers.quote;

import dev.retort.ddl.SequenceClauses;
import dev.retort.ddl.SqlStatement;
import dev.retort.op.AlterSequence;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.Deferrability;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The clauses PostgreSQL DDL statements are built from: column definitions, constraints, sequence options. */
final class PostgresClauses {

    /** The schema the statements' objects are in, {@code null} for the working schema (names left unqualified). */
    private final String schema;

    PostgresClauses() {
        this(null);
    }

    PostgresClauses(String schema) {
        this.schema = schema;
    }

    /** A table, sequence, type, view or index name, qualified with the schema when there is one. */
    String relation(String name) {
        return relation(schema, name);
    }

    static String relation(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type().sql());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(PostgresIdentifiers.collation(column.collation()));
        }
        if (column.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
        }
        if (column.identity() != null) {
            sql.append(' ').append(identity(column.identity()));
        }
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(column.defaultValue().sql());
        }
        if (!column.isNullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    String identity(Identity identity) {
        String options = String.join(" ", sequenceOptions(identity.options(), null));
        return "GENERATED " + (identity.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                + (options.isEmpty() ? "" : " (" + options + ")");
    }

    String constraint(Constraint constraint) {
        String prefix = constraint.name() == null ? "" : "CONSTRAINT " + quote(constraint.name()) + " ";
        return prefix + constraint.accept(new Constraint.Visitor<String>() {
            @Override
            public String visit(PrimaryKey pk) {
                return "PRIMARY KEY (" + columnList(pk.columns()) + ")";
            }

            @Override
            public String visit(UniqueConstraint uq) {
                return "UNIQUE (" + columnList(uq.columns()) + ")" + deferrability(uq.deferrability());
            }

            @Override
            public String visit(CheckConstraint ck) {
                return "CHECK (" + ck.expression() + ")";
            }

            @Override
            public String visit(ForeignKey fk) {
                return "FOREIGN KEY (" + columnList(fk.columns()) + ") REFERENCES "
                        + relation(fk.referencedSchema() != null ? fk.referencedSchema() : schema, fk.referencedTable())
                        + " (" + columnList(fk.referencedColumns()) + ")"
                        + (fk.onUpdate() == ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql())
                        + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
                        + deferrability(fk.deferrability());
            }
        });
    }

    /** The DEFERRABLE clause with its leading space, or "". */
    String deferrabilityClause(Deferrability deferrability) {
        return deferrability(deferrability);
    }

    private static String deferrability(Deferrability deferrability) {
        return deferrability == Deferrability.NOT_DEFERRABLE ? "" : " " + deferrability.sql();
    }

    String indexElement(IndexElement element) {
        StringBuilder sql = new StringBuilder(element.isExpression()
                ? "(" + element.expression() + ")"
                : quote(element.column()));
        if (element.opclass() != null) {
            sql.append(' ').append(element.opclass());
        }
        if (element.descending()) {
            sql.append(" DESC");
        }
        switch (element.nulls()) {
            case FIRST -> sql.append(" NULLS FIRST");
            case LAST -> sql.append(" NULLS LAST");
            case DEFAULT -> { }
        }
        return sql.toString();
    }

    String columnList(List<String> columns) {
        return columns.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining(", "));
    }

    String tableComment(String table, String comment) {
        return "COMMENT ON TABLE " + relation(table) + " IS " + (comment == null ? "NULL" : literal(comment));
    }

    String columnComment(String table, String column, String comment) {
        return "COMMENT ON COLUMN " + relation(table) + "." + quote(column) + " IS "
                + (comment == null ? "NULL" : literal(comment));
    }

    String createSequence(Sequence sequence) {
        String options = String.join(" ", sequenceOptions(sequence.options(), null));
        return "CREATE SEQUENCE " + relation(sequence.name())
                + (sequence.dataType() != null ? " AS " + sequence.dataType() : "")
                + (options.isEmpty() ? "" : " " + options)
                + (sequence.ownedByTable() != null
                    ? " OWNED BY " + relation(sequence.ownedByTable()) + "." + quote(sequence.ownedByColumn()) : "");
    }

    List<SqlStatement> alterSequence(AlterSequence op) {
        Sequence from = op.from();
        Sequence to = op.to();
        List<String> parts = new ArrayList<>();
        if (to.dataType() != null && (from == null || !Objects.equals(from.dataType(), to.dataType()))) {
            parts.add("AS " + to.dataType());
        } else if (to.dataType() == null && from != null && from.dataType() != null) {
            parts.add("AS bigint");
        }
        parts.addAll(sequenceOptions(to.options(), from == null ? null : from.options()));
        boolean ownerChanged = from == null
                ? to.ownedByTable() != null
                : !Objects.equals(from.ownedByTable(), to.ownedByTable())
                    || !Objects.equals(from.ownedByColumn(), to.ownedByColumn());
        if (ownerChanged) {
            parts.add(to.ownedByTable() == null ? "OWNED BY NONE"
                    : "OWNED BY " + relation(to.ownedByTable()) + "." + quote(to.ownedByColumn()));
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        return List.of(SqlStatement.of("ALTER SEQUENCE " + relation(to.name()) + " " + String.join(" ", parts)));
    }

    /**
     * The option clauses of {@code to} ({@link SequenceClauses#options}), an option dropped back to {@code null} being
     * reset to PostgreSQL's default.
     */
    List<String> sequenceOptions(SequenceOptions to, SequenceOptions from) {
        return SequenceClauses.options(to, from, new SequenceClauses.Words("NO MINVALUE", "NO MAXVALUE",
                "START WITH " + defaultStart(to), "CACHE 1", "CYCLE", "NO CYCLE"));
    }

    /** PostgreSQL's own default start: the minimum of an ascending sequence, the maximum of a descending one. */
    private static long defaultStart(SequenceOptions options) {
        if (options.increment() != null && options.increment() < 0) {
            return options.maxValue() != null ? options.maxValue() : -1;
        }
        return options.minValue() != null ? options.minValue() : 1;
    }
}
