package dev.retort.ddl;

import static dev.retort.ddl.PostgresIdentifiers.quote;

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

    List<Statement> statements(AlterColumn op) {
        String prefix = "ALTER TABLE " + clauses.relation(op.table()) + " ALTER COLUMN " + quote(op.column()) + " ";
        List<Statement> out = new ArrayList<>();
        Change<Identity> identity = op.identity();
        if (identity != null && identity.to() == null) {
            out.add(Statement.of(prefix + (identity.fromKnown() ? "DROP IDENTITY" : "DROP IDENTITY IF EXISTS")));
        }
        boolean typeChanges = op.type() != null;
        if (op.defaultValue() != null && (op.defaultValue().to() == null || typeChanges)) {
            out.add(Statement.of(prefix + "DROP DEFAULT"));
        }
        if (typeChanges) {
            if (op.using() == null && !op.allowLoss()) {
                Statement guard = PostgresNarrowing.guard(op.table(), clauses.relation(op.table()), op.column(),
                        op.type().fromKnown() ? op.type().from() : null, op.type().to());
                if (guard != null) {
                    out.add(guard);
                }
            }
            out.add(Statement.of(prefix + "TYPE " + op.type().to().sql() + collate(op) + using(op)));
        }
        if (op.defaultValue() != null && op.defaultValue().to() != null) {
            out.add(Statement.of(prefix + "SET DEFAULT " + op.defaultValue().to().sql()));
        }
        if (op.nullable() != null) {
            out.add(Statement.of(prefix + (op.nullable().to() ? "DROP NOT NULL" : "SET NOT NULL")));
        }
        if (identity != null && identity.to() != null) {
            Identity from = identity.fromKnown() ? identity.from() : null;
            if (from == null) {
                out.add(Statement.of(prefix + "ADD " + clauses.identity(identity.to())));
            } else {
                List<String> parts = new ArrayList<>();
                if (from.always() != identity.to().always()) {
                    parts.add("SET GENERATED " + (identity.to().always() ? "ALWAYS" : "BY DEFAULT"));
                }
                for (String option : clauses.sequenceOptions(identity.to().options(), from.options())) {
                    parts.add("SET " + option);
                }
                if (!parts.isEmpty()) {
                    out.add(Statement.of(prefix + String.join(" ", parts)));
                }
            }
        }
        if (op.comment() != null) {
            out.add(Statement.of(clauses.columnComment(op.table(), op.column(), op.comment().to())));
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
    private String using(AlterColumn op) {
        if (op.using() != null) {
            return " USING " + op.using();
        }
        ColumnType to = op.type().to();
        ColumnType from = op.type().fromKnown() ? op.type().from() : null;
        if (from != null && from.isArray() == to.isArray() && (from.baseName().equals(to.baseName())
                || PostgresNarrowing.Shape.of(from).family().equals(PostgresNarrowing.Shape.of(to).family()))) {
            return op.allowLoss() ? " USING " + quote(op.column()) + "::" + to.sql() : "";
        }
        boolean viaText = !PostgresTypes.isBuiltIn(to) || (from != null && !PostgresTypes.isBuiltIn(from));
        return " USING " + quote(op.column()) + (viaText ? "::text" : "") + "::" + to.sql();
    }
}
