package dev.retort.diff;

import dev.retort.RetortException;
import dev.retort.InertText;
import dev.retort.op.AddConstraint;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSequence;
import dev.retort.op.Operation;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameObject;
import dev.retort.op.RenameTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the user decided on ({@code generate --rename users.display_name=full_name}, {@code --rename-table
 * old=new}, or a yes at the prompt), so that the migration keeps the data instead of dropping and adding. The
 * database's schema is compared as it will be after the renames ({@link #apply}); the migration then starts with
 * them, and the indexes, constraints and sequences whose names followed the old name are renamed too, not rebuilt
 * ({@link #finish}).
 *
 * @param columns each column rename, its table named as the entities name it (after any table rename)
 */
public record Renames(List<TableRename> tables, List<ColumnRename> columns) {

    public record TableRename(String from, String to) {
    }

    public record ColumnRename(String table, String from, String to) {
    }

    /** A rename the comparison suggests: a dropped and an added table or column that look alike. */
    public record Candidate(String table, String from, String to, String type) {

        /** A table rename when {@code table} is {@code null}. */
        public boolean isTable() {
            return table == null;
        }

        /** {@code Did you rename users.display_name to users.full_name (varchar(100))?} */
        public String question() {
            String q = isTable() ? "Did you rename table " + from + " to " + to + "?"
                    : "Did you rename " + table + "." + from + " to " + table + "." + to + " (" + type + ")?";
            return InertText.line(q);
        }
    }

    public Renames {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
    }

    public static Renames none() {
        return new Renames(List.of(), List.of());
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    public Renames with(Candidate c) {
        List<TableRename> t = new ArrayList<>(tables);
        List<ColumnRename> col = new ArrayList<>(columns);
        if (c.isTable()) {
            t.add(new TableRename(c.from(), c.to()));
        } else {
            col.add(new ColumnRename(c.table(), c.from(), c.to()));
        }
        return new Renames(t, col);
    }

    /** Parses {@code --rename TABLE.OLD=NEW} and {@code --rename-table OLD=NEW}. */
    public static Renames parse(List<String> columnSpecs, List<String> tableSpecs) {
        List<TableRename> tables = new ArrayList<>();
        for (String spec : tableSpecs) {
            String[] kv = spec.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank() || kv[0].contains(".")) {
                throw new RetortException("--rename-table takes OLD=NEW, e.g. --rename-table orgs=organizations; got '"
                        + InertText.line(spec) + "'.");
            }
            tables.add(new TableRename(kv[0].strip(), kv[1].strip()));
        }
        List<ColumnRename> columns = new ArrayList<>();
        for (String spec : columnSpecs) {
            String[] kv = spec.split("=", -1);
            int dot = kv[0].lastIndexOf('.');
            if (kv.length != 2 || dot <= 0 || dot == kv[0].length() - 1 || kv[1].isBlank() || kv[1].contains(".")) {
                throw new RetortException("--rename takes TABLE.OLD=NEW, e.g. --rename users.display_name=full_name; "
                        + "got '" + InertText.line(spec) + "'.");
            }
            String table = kv[0].substring(0, dot).strip();
            String to = tables.stream().filter(t -> t.from().equals(table)).map(TableRename::to).findFirst()
                    .orElse(table);
            columns.add(new ColumnRename(to, kv[0].substring(dot + 1).strip(), kv[1].strip()));
        }
        return new Renames(tables, columns);
    }

    /** Fails, naming the rename, unless each one turns something the database has into something the entities want. */
    public void validate(Schema desired, Schema actual) {
        for (TableRename t : tables) {
            if (actual.table(t.from()).isEmpty()) {
                throw new RetortException("--rename-table " + t.from() + "=" + t.to() + ": the database has no table "
                        + t.from() + ". Check the name (retort check lists what would change).");
            }
            if (desired.table(t.to()).isEmpty()) {
                throw new RetortException("--rename-table " + t.from() + "=" + t.to() + ": the entities have no table "
                        + t.to() + ". Check the name the entities give it (@Table).");
            }
            if (actual.table(t.to()).isPresent() || desired.table(t.from()).isPresent()) {
                throw new RetortException("--rename-table " + t.from() + "=" + t.to() + ": both tables exist on one side "
                        + "already, so this is not a rename. Remove the option.");
            }
        }
        for (ColumnRename c : columns) {
            String flag = "--rename " + c.table() + "." + c.from() + "=" + c.to();
            String before = tables.stream().filter(t -> t.to().equals(c.table())).map(TableRename::from).findFirst()
                    .orElse(c.table());
            Optional<Table> have = actual.table(before);
            Optional<Table> want = desired.table(c.table());
            if (have.isEmpty() || want.isEmpty()) {
                throw new RetortException(flag + ": there is no table " + c.table() + " on both sides (entities and "
                        + "database). Check the table name.");
            }
            if (have.get().column(c.from()).isEmpty()) {
                throw new RetortException(flag + ": the database's table " + before + " has no column " + c.from() + ".");
            }
            if (want.get().column(c.to()).isEmpty()) {
                throw new RetortException(flag + ": the entities' table " + c.table() + " has no column " + c.to()
                        + ". Check the column name the entities give it (@Column).");
            }
            if (have.get().column(c.to()).isPresent() || want.get().column(c.from()).isPresent()) {
                throw new RetortException(flag + ": both columns exist on one side already, so this is not a rename.");
            }
        }
    }

    /** The database's schema as it will be after the renames: what the entities are compared with. */
    public Schema apply(Schema actual) {
        Schema s = actual;
        for (TableRename t : tables) {
            s = renameTable(s, t.from(), t.to());
        }
        for (ColumnRename c : columns) {
            s = renameColumn(s, c.table(), c.from(), c.to());
        }
        return s;
    }

    /**
     * The migration's operations: the renames first, then {@code diff}'s, with each drop and create of an index,
     * constraint or sequence on a renamed table that differ only in name turned into a rename of that object.
     */
    public Diff finish(Diff diff) {
        if (isEmpty()) {
            return diff;
        }
        Set<String> touched = new LinkedHashSet<>();
        tables.forEach(t -> touched.add(t.to()));
        columns.forEach(c -> touched.add(c.table()));
        List<Operation> ops = new ArrayList<>();
        tables.forEach(t -> ops.add(new RenameTable(t.from(), t.to())));
        columns.forEach(c -> ops.add(new RenameColumn(c.table(), c.from(), c.to())));
        List<Operation> rest = new ArrayList<>(diff.operations());
        List<Operation> renamed = new ArrayList<>();
        for (Operation op : List.copyOf(rest)) {
            Operation pair = null;
            RenameObject rename = null;
            if (op instanceof DropIndex d && d.definition() != null && touched.contains(d.table())) {
                for (Operation o : rest) {
                    if (o instanceof CreateIndex c && c.table().equals(d.table())
                            && named(d.definition(), c.index().name()).equals(c.index())) {
                        pair = o;
                        rename = new RenameObject(RenameObject.Kind.INDEX, d.table(), d.name(), c.index().name());
                        break;
                    }
                }
            } else if (op instanceof DropConstraint d && d.definition() != null && touched.contains(d.table())) {
                for (Operation o : rest) {
                    if (o instanceof AddConstraint a && a.table().equals(d.table())
                            && named(d.definition(), a.constraint().name()).equals(a.constraint())) {
                        pair = o;
                        rename = new RenameObject(RenameObject.Kind.CONSTRAINT, d.table(), d.name(), a.constraint().name());
                        break;
                    }
                }
            } else if (op instanceof DropSequence d && d.definition() != null) {
                for (Operation o : rest) {
                    if (o instanceof CreateSequence c && follows(d.name(), c.sequence().name())
                            && sameIncrement(d.definition(), c.sequence())) {
                        pair = o;
                        rename = new RenameObject(RenameObject.Kind.SEQUENCE, null, d.name(), c.sequence().name());
                        break;
                    }
                }
            }
            if (pair != null && rest.contains(op)) {
                rest.remove(op);
                rest.remove(pair);
                renamed.add(rename);
            }
        }
        ops.addAll(renamed);
        ops.addAll(rest);
        List<Warning> warnings = diff.warnings().stream().filter(w -> !coveredWarning(w)).toList();
        return new Diff(ops, warnings, diff.unsupported());
    }

    /** The possible-rename warnings a decision answered, which would only confuse now. */
    private boolean coveredWarning(Warning w) {
        if (w.kind() != Warning.Kind.POSSIBLE_RENAME) {
            return false;
        }
        return tables.stream().anyMatch(t -> w.message().contains(" " + t.from() + " ") || t.to().equals(w.table()))
                || columns.stream().anyMatch(c -> c.table().equals(w.table()) && c.to().equals(w.column()));
    }

    /**
     * The renames the comparison suggests: in a table on both sides, a column only the database has and one only the
     * entities have, of the same type; and a table only the database has with exactly the columns (names and types)
     * of one only the entities have.
     */
    public static List<Candidate> candidates(Schema desired, Schema actual, ComparisonDialect dialect) {
        List<Candidate> found = new ArrayList<>();
        List<Table> gone = actual.tables().stream().filter(t -> desired.table(t.name()).isEmpty()).toList();
        List<Table> added = desired.tables().stream().filter(t -> actual.table(t.name()).isEmpty()).toList();
        for (Table old : gone) {
            for (Table neu : added) {
                if (sameColumns(old, neu, dialect)) {
                    found.add(new Candidate(null, old.name(), neu.name(), null));
                }
            }
        }
        for (Table want : desired.tables()) {
            Optional<Table> have = actual.table(want.name());
            if (have.isEmpty()) {
                continue;
            }
            for (Column old : have.get().columns()) {
                if (want.column(old.name()).isPresent()) {
                    continue;
                }
                for (Column neu : want.columns()) {
                    if (have.get().column(neu.name()).isEmpty() && dialect.sameType(neu.type(), old.type())) {
                        found.add(new Candidate(want.name(), old.name(), neu.name(), neu.type().sql()));
                    }
                }
            }
        }
        return found;
    }

    private static boolean sameColumns(Table a, Table b, ComparisonDialect dialect) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (Column c : a.columns()) {
            Optional<Column> other = b.column(c.name());
            if (other.isEmpty() || !dialect.sameType(c.type(), other.get().type())) {
                return false;
            }
        }
        return true;
    }

    private static Schema renameTable(Schema s, String from, String to) {
        List<Table> tables = new ArrayList<>();
        for (Table t : s.tables()) {
            Table r = t.name().equals(from) ? t.withName(to) : t;
            r = r.withForeignKeys(r.foreignKeys().stream().map(fk -> fk.referencedTable().equals(from)
                    && fk.referencedSchema() == null ? new ForeignKey(fk.name(), fk.columns(), to,
                    fk.referencedColumns(), fk.onDelete(), fk.onUpdate(), fk.deferrability()) : fk).toList());
            tables.add(r);
        }
        List<Sequence> sequences = s.sequences().stream().map(q -> from.equals(q.ownedByTable())
                ? new Sequence(q.name(), q.dataType(), q.options(), to, q.ownedByColumn()) : q).toList();
        UnaryOperator<String> text = sql -> replaceName(sql, from, to);
        List<View> views = s.views().stream().map(v -> new View(v.name(), text.apply(v.query()))).toList();
        return new Schema(s.name(), tables, sequences, s.enumTypes(), views);
    }

    private static Schema renameColumn(Schema s, String table, String from, String to) {
        UnaryOperator<String> text = sql -> sql == null ? null : replaceName(sql, from, to);
        UnaryOperator<List<String>> names = list -> list.stream().map(n -> n.equals(from) ? to : n).toList();
        List<Table> tables = new ArrayList<>();
        for (Table t : s.tables()) {
            Table r = t;
            if (t.name().equals(table)) {
                r = r.withColumns(t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList());
                r = r.withPrimaryKey(t.primaryKey() == null ? null
                        : new PrimaryKey(t.primaryKey().name(), names.apply(t.primaryKey().columns())));
                r = r.withUniqueConstraints(t.uniqueConstraints().stream().map(u -> new UniqueConstraint(u.name(),
                        names.apply(u.columns()), u.deferrability())).toList());
                r = r.withIndexes(t.indexes().stream().map(i -> new Index(i.name(), i.elements().stream()
                        .map(e -> new IndexElement(from.equals(e.column()) ? to : e.column(), text.apply(e.expression()),
                                e.descending(), e.nulls(), e.opclass())).toList(), i.isUnique(), i.method(),
                        text.apply(i.where()), names.apply(i.include()))).toList());
                r = r.withChecks(t.checks().stream().map(c -> new CheckConstraint(c.name(), text.apply(c.expression())))
                        .toList());
                r = r.withForeignKeys(r.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(),
                        names.apply(fk.columns()), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(),
                        fk.onUpdate(), fk.deferrability(), fk.referencedSchema())).toList());
            }
            r = r.withForeignKeys(r.foreignKeys().stream().map(fk -> fk.referencedTable().equals(table)
                    && fk.referencedSchema() == null ? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(),
                    names.apply(fk.referencedColumns()), fk.onDelete(), fk.onUpdate(), fk.deferrability()) : fk).toList());
            tables.add(r);
        }
        List<Sequence> sequences = s.sequences().stream().map(q -> table.equals(q.ownedByTable())
                && from.equals(q.ownedByColumn()) ? new Sequence(q.name(), q.dataType(), q.options(), table, to) : q)
                .toList();
        return new Schema(s.name(), tables, sequences, s.enumTypes(), s.views());
    }

    /** {@code sql} with the identifier {@code from} (bare or quoted) replaced, as PostgreSQL prints it after a rename. */
    static String replaceName(String sql, String from, String to) {
        String quotedTo = to.matches("[a-z_][a-z0-9_$]*") ? to : "\"" + to.replace("\"", "\"\"") + "\"";
        String out = sql.replace("\"" + from.replace("\"", "\"\"") + "\"", quotedTo);
        if (from.matches("[a-z_][a-z0-9_$]*")) {
            Matcher m = Pattern.compile("(?<![\\w$\"'])" + Pattern.quote(from) + "(?![\\w$\"'])").matcher(out);
            out = m.replaceAll(Matcher.quoteReplacement(quotedTo));
        }
        return out;
    }

    private static Index named(Index i, String name) {
        return new Index(name, i.elements(), i.isUnique(), i.method(), i.where(), i.include());
    }

    private static Constraint named(Constraint c, String name) {
        if (c instanceof PrimaryKey p) {
            return new PrimaryKey(name, p.columns());
        }
        if (c instanceof UniqueConstraint u) {
            return new UniqueConstraint(name, u.columns(), u.deferrability());
        }
        if (c instanceof CheckConstraint k) {
            return new CheckConstraint(name, k.expression());
        }
        ForeignKey f = (ForeignKey) c;
        return new ForeignKey(name, f.columns(), f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate(),
                f.deferrability(), f.referencedSchema());
    }

    /** Whether {@code to} is {@code from} with a renamed table's or column's old name replaced by its new one. */
    private boolean follows(String from, String to) {
        for (TableRename t : tables) {
            if (from.contains(t.from()) && from.replace(t.from(), t.to()).equals(to)) {
                return true;
            }
        }
        for (ColumnRename c : columns) {
            if (from.contains(c.from()) && from.replace(c.from(), c.to()).equals(to)) {
                return true;
            }
        }
        return false;
    }

    /** A sequence's increment is what Hibernate's pooled ids depend on: a renamed one must keep it. */
    private static boolean sameIncrement(Sequence a, Sequence b) {
        Long ia = a.options() == null || a.options().increment() == null ? 1L : a.options().increment();
        Long ib = b.options() == null || b.options().increment() == null ? 1L : b.options().increment();
        return Objects.equals(ia, ib);
    }
}
