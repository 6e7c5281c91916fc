package dev.retort.render;

import dev.retort.ddl.Dialect;
import dev.retort.diff.Diff;
import dev.retort.diff.Warning;
import dev.retort.lint.Linter;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.ExecuteSql;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code generate --online}: the lock-safe form of a diff, as up to three revisions deployed in order.
 * <ol>
 *   <li>{@code transactional = false}: indexes dropped {@code CONCURRENTLY};</li>
 *   <li>transactional: everything else, with foreign keys and checks on existing tables added {@code NOT VALID}, and
 *       a column that becomes NOT NULL first given a {@code CHECK (c IS NOT NULL) NOT VALID};</li>
 *   <li>{@code transactional = false}: indexes built {@code CONCURRENTLY}; each {@code VALIDATE CONSTRAINT} in a
 *       transaction of its own; {@code SET NOT NULL}, proven by the validated check without a scan, and the check
 *       dropped; unique constraints and primary keys made from an index built concurrently
 *       ({@code ADD CONSTRAINT ... USING INDEX}).</li>
 * </ol>
 * Each revision runs under a lock_timeout. A change with no safe single-deploy form (a type change that rewrites the
 * table, a new column computed for every row, a rename) is refused with the expand/contract steps; never written in
 * its unsafe form.
 */
public final class OnlineForm {

    /** One revision of the result. */
    public record Part(Diff diff, boolean transactional) {
    }

    /** The revisions, or the refusals (each a change and its steps) when a change has no online form. */
    public record Result(List<Part> parts, List<String> refusals) {
    }

    private OnlineForm() {
    }

    /** {@code diff} in its online form; {@code dialect} writes the SQL of the NOT NULL check's downgrade. */
    public static Result of(Diff diff, Dialect dialect) {
        Set<String> created = new HashSet<>();
        for (Operation op : diff.operations()) {
            Operation inner = inner(op);
            if (inner instanceof CreateTable t) {
                created.add(key(op, t.table().name()));
            }
            if (inner instanceof RenameTable r) {
                created.add(key(op, r.to())); // not new, but refused below
            }
        }
        List<Operation> first = new ArrayList<>();
        List<Operation> main = new ArrayList<>();
        List<Operation> last = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> keysBuiltLast = new HashSet<>();
        Set<String> droppedTables = new HashSet<>();
        for (Operation op : diff.operations()) {
            if (inner(op) instanceof DropTable d) {
                droppedTables.add(key(op, d.name()));
            }
        }
        for (Operation op : diff.operations()) {
            Operation inner = inner(op);
            UnaryOperator<Operation> wrap = o -> op instanceof InSchema in ? new InSchema(in.schema(), o) : o;
            String table = tableOf(inner);
            boolean existing = table != null && !created.contains(key(op, table));
            if (inner instanceof RenameTable || inner instanceof RenameColumn) {
                refusals.add(inner.describe() + ": the release still running during the deploy uses the old name. "
                        + "Expand and contract instead: add the new column or table (or a view under the new name), "
                        + "write both from the code, backfill, move the reads, and drop the old one in a later deploy; "
                        + "or generate without --online to write the rename as it is.");
            } else if (existing && inner instanceof CreateIndex c && !c.concurrently()) {
                last.add(wrap.apply(new CreateIndex(c.table(), c.index(), true)));
            } else if (existing && inner instanceof DropIndex d && !d.concurrently()
                    && !droppedTables.contains(key(op, d.table()))) {
                first.add(wrap.apply(new DropIndex(d.table(), d.name(), d.definition(), true)));
            } else if (existing && inner instanceof AddConstraint a && !a.notValid() && a.usingIndex() == null) {
                addConstraint(a, wrap, main, last, refusals, keysBuiltLast, op);
            } else if (existing && inner instanceof AlterColumn a) {
                alterColumn(a, wrap, main, last, refusals, dialect);
            } else if (existing && inner instanceof AddColumn a && computedPerRow(a.column())) {
                refusals.add(inner.describe() + ": its value is computed for every existing row, which rewrites the "
                        + "table under an ACCESS EXCLUSIVE lock. Add the column without a default (or with a constant "
                        + "one), set the default for new rows, and backfill the old ones in batches "
                        + "(docs/large-tables.md).");
            } else {
                main.add(op);
            }
        }
        // A foreign key to a key built in the last revision must come after it.
        List<Operation> moved = new ArrayList<>();
        for (Operation op : List.copyOf(main)) {
            if (inner(op) instanceof AddConstraint a && a.constraint() instanceof ForeignKey fk
                    && keysBuiltLast.contains(fk.referencedTable() + new java.util.TreeSet<>(fk.referencedColumns()))) {
                main.remove(op);
                moved.add(op);
            }
        }
        for (Operation op : List.copyOf(main)) {
            if (inner(op) instanceof ValidateConstraint v && moved.stream().anyMatch(m -> inner(m) instanceof AddConstraint a
                    && v.name().equals(a.constraint().name()))) {
                main.remove(op);
            }
        }
        for (Operation op : moved) {
            AddConstraint a = (AddConstraint) inner(op);
            last.add(op);
            if (a.notValid()) {
                last.add(op instanceof InSchema in ? new InSchema(in.schema(), new ValidateConstraint(a.table(),
                        a.constraint().name())) : new ValidateConstraint(a.table(), a.constraint().name()));
            }
        }
        List<Part> parts = new ArrayList<>();
        List<Warning> warnings = diff.warnings();
        for (List<Operation> ops : List.of(first, main, last)) {
            if (!ops.isEmpty()) {
                parts.add(new Part(new Diff(ops, parts.isEmpty() ? warnings : List.of(),
                        parts.isEmpty() ? diff.unsupported() : 0), ops == main));
            }
        }
        return new Result(parts, refusals);
    }

    private static void addConstraint(AddConstraint a, UnaryOperator<Operation> wrap, List<Operation> main,
                                      List<Operation> last, List<String> refusals, Set<String> keysBuiltLast,
                                      Operation original) {
        Constraint c = a.constraint();
        if (c instanceof ForeignKey || c instanceof CheckConstraint) {
            if (c.name() == null) {
                refusals.add(a.describe() + ": an unnamed constraint cannot be validated apart; name it (@Check(name "
                        + "= ...) or @ForeignKey(name = ...)), or generate without --online.");
                return;
            }
            main.add(wrap.apply(new AddConstraint(a.table(), c, true, null)));
            last.add(wrap.apply(new ValidateConstraint(a.table(), c.name())));
        } else {
            List<String> columns = c instanceof UniqueConstraint u ? u.columns() : ((PrimaryKey) c).columns();
            if (c.name() == null) {
                refusals.add(a.describe() + ": an unnamed key cannot be built from an index; name it, or generate "
                        + "without --online.");
                return;
            }
            Index index = new Index(c.name(), columns.stream().map(IndexElement::column).toList(), true, null, null,
                    List.of());
            last.add(wrap.apply(new CreateIndex(a.table(), index, true)));
            last.add(wrap.apply(new AddConstraint(a.table(), c, false, c.name())));
            keysBuiltLast.add(a.table() + new java.util.TreeSet<>(columns));
        }
    }

    private static void alterColumn(AlterColumn a, UnaryOperator<Operation> wrap, List<Operation> main,
                                    List<Operation> last, List<String> refusals, Dialect dialect) {
        if (a.type() != null) {
            String from = a.type().fromKnown() && a.type().from() != null ? a.type().from().sql() : null;
            if (from == null || Linter.rewrites(from, a.type().to().sql(), a.using() != null)) {
                refusals.add(a.describe() + ": the type change" + (from == null ? "" : " from " + from) + " to "
                        + a.type().to().sql() + " rewrites the table and its indexes under an ACCESS EXCLUSIVE lock. "
                        + "Expand and contract instead: add a column of the new type, fill it in batches (and from "
                        + "the code, or a trigger, for new rows), switch the code to it, and drop the old column in a "
                        + "later deploy; or generate without --online to write the change as it is.");
                return;
            }
        }
        boolean setsNotNull = a.nullable() != null && Boolean.FALSE.equals(a.nullable().to());
        if (!setsNotNull) {
            main.add(wrap.apply(a));
            return;
        }
        AlterColumn rest = withoutNullable(a);
        if (rest != null) {
            main.add(wrap.apply(rest));
        }
        String check = notNullCheckName(a.table(), a.column());
        CheckConstraint constraint = new CheckConstraint(check, dialect.quote(a.column()) + " IS NOT NULL");
        main.add(wrap.apply(new AddConstraint(a.table(), constraint, true, null)));
        last.add(wrap.apply(new ValidateConstraint(a.table(), check)));
        last.add(wrap.apply(new AlterColumn(a.table(), a.column(), null, dev.retort.op.Change.of(true, false), null,
                null, null, null, false)));
        String table = dialect.quote(a.table());
        last.add(wrap.apply(new ExecuteSql("ALTER TABLE " + table + " DROP CONSTRAINT " + dialect.quote(check),
                "ALTER TABLE " + table + " ADD CONSTRAINT " + dialect.quote(check) + " CHECK ("
                        + dialect.quote(a.column()) + " IS NOT NULL) NOT VALID")));
    }

    /** The alteration without its NOT NULL part, or {@code null} when that was all of it. */
    private static AlterColumn withoutNullable(AlterColumn a) {
        if (a.type() == null && a.defaultValue() == null && a.identity() == null && a.comment() == null
                && a.collation() == null) {
            return null;
        }
        return new AlterColumn(a.table(), a.column(), a.type(), null, a.defaultValue(), a.identity(), a.comment(),
                a.using(), a.allowLoss(), a.collation());
    }

    /** {@code <table>_<column>_not_null}, cut to PostgreSQL's 63 bytes with a hash suffix when longer. */
    static String notNullCheckName(String table, String column) {
        String name = table + "_" + column + "_not_null";
        if (name.getBytes(StandardCharsets.UTF_8).length <= 63) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode());
        return name.substring(0, Math.min(name.length(), 63 - hash.length() - 1)) + "_" + hash;
    }

    private static boolean computedPerRow(Column c) {
        return Linter.computedPerRow(c.defaultValue() == null ? null : c.defaultValue().sql(),
                c.identity() != null || c.generated() != null);
    }

    /**
     * The statement an online revision starts with when the runner sets no lock_timeout: {@code SET LOCAL} in a
     * transactional one, {@code SET} (undone by {@link #after}) in one outside a transaction.
     */
    public static List<Operation> before(Duration lockTimeout, boolean transactional) {
        return List.of(new ExecuteSql("SET " + (transactional ? "LOCAL " : "") + "lock_timeout = '"
                + lockTimeout.toMillis() + "ms'", null));
    }

    public static List<Operation> after(boolean transactional) {
        return transactional ? List.of() : List.of(new ExecuteSql("RESET lock_timeout", null));
    }

    private static Operation inner(Operation op) {
        return op instanceof InSchema in ? in.operation() : op;
    }

    private static String key(Operation op, String table) {
        return op instanceof InSchema in ? in.schema() + "." + table : table;
    }

    private static String tableOf(Operation op) {
        if (op instanceof CreateIndex c) {
            return c.table();
        }
        if (op instanceof DropIndex d) {
            return d.table();
        }
        if (op instanceof AddConstraint a) {
            return a.table();
        }
        if (op instanceof AlterColumn a) {
            return a.table();
        }
        if (op instanceof AddColumn a) {
            return a.table();
        }
        if (op instanceof RenameColumn r) {
            return r.table();
        }
        if (op instanceof RenameTable r) {
            return r.from();
        }
        return null;
    }
}
