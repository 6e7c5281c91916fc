package dev.retort.platform.postgres;

import static dev.retort.platform.postgres.PostgresIdentifiers.quote;

import dev.retort.ddl.SqlStatement;
import dev.retort.op.AlterColumn;
import dev.retort.op.Change;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Identity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE ... ALTER COLUMN} for an {@link AlterColumn}. Each aspect is its own statement, in the
 * order PostgreSQL accepts them: identity and default go before a type change (an old default that does
 * not cast to the new type would fail it), nullability before a new identity (which requires NOT NULL).
 */
final class PostgresAlterColumn {

    private final PostgresClauses clauses;

    PostgresAlterColumn(PostgresClauses clauses) {
        this.clauses = clauses;
    }

    List<SqlStatement> statements(AlterColumn op) {
        String prefix = "ALTER TABLE " + clauses.relation(op.table()) + " ALTER COLUMN " + quote(op.column()) + " ";
        List<SqlStatement> out = new ArrayList<>();
        Change<Identity> identity = op.identity();
        if (identity != null && identity.to() == null) {
            out.add(SqlStatement.of(prefix + (identity.fromKnown() ? "DROP IDENTITY" : "DROP IDENTITY IF EXISTS")));
        }
        boolean typeChanges = op.type() != null;
        if (op.defaultValue() != null && (op.defaultValue().to() == null || typeChanges)) {
            out.add(SqlStatement.of(prefix + "DROP DEFAULT"));
        }
        if (typeChanges) {
            if (op.using() == null && !op.allowLoss()) {
                SqlStatement guard = PostgresNarrowing.guard(op.table(), clauses.relation(op.table()), op.column(),
                        op.type().fromKnown() ? op.type().from() : null, op.type().to());
                if (guard != null) {
                    out.add(guard);
                }
            }
            out.add(SqlStatement.of(prefix + "TYPE " + op.type().to().sql() + collate(op) + using(op)));
        }
        if (op.defaultValue() != null && op.defaultValue().to() != null) {
            out.add(SqlStatement.of(prefix + "SET DEFAULT " + op.defaultValue().to().sql()));
        }
        if (op.nullable() != null) {
            out.add(SqlStatement.of(prefix + (op.nullable().to() ? "DROP NOT NULL" : "SET NOT NULL")));
        }
        if (identity != null && identity.to() != null) {
            Identity from = identity.fromKnown() ? identity.from() : null;
            if (from == null) {
                out.add(SqlStatement.of(prefix + "ADD " + clauses.identity(identity.to())));
            } else {
                List<String> parts = new ArrayList<>();
                if (from.always() != identity.to().always()) {
                    parts.add("SET GENERATED " + (identity.to().always() ? "ALWAYS" : "BY DEFAULT"));
                }
                for (String option : clauses.sequenceOptions(identity.to().options(), from.options())) {
                    parts.add("SET " + option);
                }
                if (!parts.isEmpty()) {
                    out.add(SqlStatement.of(prefix + String.join(" ", parts)));
                }
            }
        }
        if (op.comment() != null) {
            out.add(SqlStatement.of(clauses.columnComment(op.table(), op.column(), op.comment().to())));
        }
        return out;
    }

    /** {@code COLLATE "C"}; {@code COLLATE "default"} to go back to the type's own; nothing when not stated. */
    private static String collate(AlterColumn op) {
        if (op.collation() == null) {
            return "";
        }
        return " COLLATE " + PostgresIdentifiers.collation(op.collation().to() == null ? "default" : op.collation().to());
    }

    /**
     * The {@code USING} clause: the author's expression, or a plain cast when the base type changes
     * (PostgreSQL has no implicit cast for, say, text to integer, and an explicit cast is always at least as
     * permissive). When only the length or precision changes, none: PostgreSQL can then skip the rewrite.
     * A user-defined type (an enum, say) has no cast to or from most others, but every type converts through
     * its text form, so a cast involving one goes through {@code text}. An explicit cast cuts and rounds
     * without complaint where the assignment PostgreSQL does without {@code USING} would refuse: that is why
     * a lossy change runs the {@link PostgresNarrowing} guard first, unless the author allowed the loss.
     */
    private static final java.util.Set<String> STRINGS = java.util.Set.of("character varying", "varchar", "text",
            "character", "char", "bpchar");

    /**
     * Into or out of a large object ({@code oid}, how Hibernate stores a {@code @Lob String} or {@code byte[]} on
     * PostgreSQL): the value itself moves, {@code lo_from_bytea(0, convert_to(c, 'UTF8'))} and back with
     * {@code convert_from(lo_get(c), 'UTF8')}, rather than a cast that reads a text as an object number. Null stays
     * null (the functions are strict). {@code null} when neither side is a large object.
     */
    static String largeObject(String column, ColumnType from, ColumnType to) {
        if (from == null || from.isArray() || to.isArray()) {
            return null;
        }
        String a = from.baseName();
        String b = to.baseName();
        if (b.equals("oid") && STRINGS.contains(a)) {
            return "lo_from_bytea(0, convert_to(" + column + ", 'UTF8'))";
        }
        if (b.equals("oid") && a.equals("bytea")) {
            return "lo_from_bytea(0, " + column + ")";
        }
        if (a.equals("oid") && STRINGS.contains(b)) {
            return "convert_from(lo_get(" + column + "), 'UTF8')";
        }
        if (a.equals("oid") && b.equals("bytea")) {
            return "lo_get(" + column + ")";
        }
        return null;
    }

    private String using(AlterColumn op) {
        if (op.using() != null) {
            return " USING " + op.using();
        }
        ColumnType to = op.type().to();
        ColumnType from = op.type().fromKnown() ? op.type().from() : null;
        String largeObject = largeObject(quote(op.column()), from, to);
        if (largeObject != null) {
            return " USING " + largeObject;
        }
        if (from != null && from.isArray() == to.isArray() && (from.baseName().equals(to.baseName())
                || PostgresNarrowing.Shape.of(from).family().equals(PostgresNarrowing.Shape.of(to).family()))) {
            return op.allowLoss() ? " USING " + quote(op.column()) + "::" + to.sql() : "";
        }
        boolean viaText = !PostgresTypes.isBuiltIn(to) || (from != null && !PostgresTypes.isBuiltIn(from));
        return " USING " + quote(op.column()) + (viaText ? "::text" : "") + "::" + to.sql();
    }
}
