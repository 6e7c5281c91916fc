package dev.retort.diff;

import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterSequence;
import dev.retort.op.CreateEnumType;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateView;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnumType;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropView;
import dev.retort.op.ExecuteSql;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.op.OperationVisitor;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameObject;
import dev.retort.op.RenameTable;
import dev.retort.op.SetTableComment;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one operation does to the database's objects, as keys such as {@code table:t}, {@code column:t.c},
 * {@code key:t(a,b)} (a primary key, unique constraint or unique index a foreign key can reference),
 * {@code constraint:t.name}, {@code relation:name} (index and key names share the table namespace),
 * {@code type:name} and {@code sequence:name}.
 *
 * <ul>
 *   <li>{@code creates}: objects that exist after the operation (a column whose type changes counts as
 *       removed and created again: what depends on its type is dropped before and added after);</li>
 *   <li>{@code removes}: objects that no longer exist after it;</li>
 *   <li>{@code requires}: objects that must exist, in their new form, when it runs;</li>
 *   <li>{@code releases}: objects the removed or changed thing depended on, which may go only after it.</li>
 * </ul>
 *
 * Keys no operation of a plan creates or removes put no constraint on it, so over-approximating (a word in
 * a check that is not a column) costs nothing.
 */
record Footprint(Set<String> creates, Set<String> removes, Set<String> requires, Set<String> releases) {

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\(\\s*'([^']+)'", Pattern.CASE_INSENSITIVE);

    static Footprint of(Operation operation) {
        return of(operation, null);
    }

    /**
     * The footprint of {@code operation} in a plan whose working schema is {@code working}: keys of objects in
     * another schema carry it ({@code table:audit/log}); the working schema's do not. An operation in a schema
     * also needs the schema itself ({@code schema:audit}), so a new schema comes first and a dropped one last.
     */
    static Footprint of(Operation operation, String working) {
        String schema = null;
        Operation inner = operation;
        if (operation instanceof InSchema in) {
            schema = in.schema();
            inner = in.operation();
        }
        Builder b = new Builder();
        inner.accept(new Visitor(b));
        Set<String> requires = qualified(b.requires, schema, working);
        Set<String> releases = qualified(b.releases, schema, working);
        if (schema != null && !schema.equals(working)) {
            requires.add("schema:" + schema);
            releases.add("schema:" + schema);
        }
        return new Footprint(Set.copyOf(qualified(b.creates, schema, working)),
                Set.copyOf(qualified(b.removes, schema, working)), Set.copyOf(requires), Set.copyOf(releases));
    }

    /**
     * {@code key} as it reads for an operation in {@code schema} ({@code null}: the working one) of a plan whose
     * working schema is {@code working}. A key whose name starts {@code /other/} names its schema itself (the far
     * side of a foreign key into another schema).
     */
    static String qualified(String key, String schema, String working) {
        int colon = key.indexOf(':');
        String kind = key.substring(0, colon + 1);
        String rest = key.substring(colon + 1);
        String s = schema;
        if (rest.startsWith("/")) {
            int slash = rest.indexOf('/', 1);
            s = rest.substring(1, slash);
            rest = rest.substring(slash + 1);
        }
        return s == null || s.equals(working) ? kind + rest : kind + s + "/" + rest;
    }

    private static Set<String> qualified(Set<String> keys, String schema, String working) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : keys) {
            out.add(qualified(key, schema, working));
        }
        return out;
    }

    /** The name a foreign key's far side goes by in keys: its table, marked with its schema when it names one. */
    static String referencedTable(ForeignKey fk) {
        return fk.referencedSchema() == null ? fk.referencedTable()
                : "/" + fk.referencedSchema() + "/" + fk.referencedTable();
    }

    static String table(String table) {
        return "table:" + table;
    }

    static String column(String table, String column) {
        return "column:" + table + "." + column;
    }

    static String constraint(String table, String name) {
        return "constraint:" + table + "." + name;
    }

    /** A set of columns a foreign key may reference: PostgreSQL matches them in any order. */
    static String key(String table, List<String> columns) {
        return "key:" + table + new TreeSet<>(columns);
    }

    private static final class Builder {
        final Set<String> creates = new LinkedHashSet<>();
        final Set<String> removes = new LinkedHashSet<>();
        final Set<String> requires = new LinkedHashSet<>();
        final Set<String> releases = new LinkedHashSet<>();

        /** Collects into {@code creates}/{@code requires} or, when dropping, {@code removes}/{@code releases}. */
        Set<String> made(boolean dropping) {
            return dropping ? removes : creates;
        }

        Set<String> needed(boolean dropping) {
            return dropping ? releases : requires;
        }

        void table(Table t, boolean dropping) {
            made(dropping).add(Footprint.table(t.name()));
            for (Column c : t.columns()) {
                column(t.name(), c, dropping);
            }
            if (t.primaryKey() != null) {
                constraint(t.name(), t.primaryKey(), dropping);
            }
            t.uniqueConstraints().forEach(u -> constraint(t.name(), u, dropping));
            t.checks().forEach(c -> constraint(t.name(), c, dropping));
            t.foreignKeys().forEach(f -> constraint(t.name(), f, dropping));
            t.indexes().forEach(i -> index(t.name(), i, dropping));
        }

        /**
         * A view stands in the table namespace (other views may read it) and needs every table its query names and
         * every column of those tables its query names: over-approximated from the words of the query.
         */
        void view(View view, boolean dropping) {
            relation(view.name(), made(dropping));
            made(dropping).add(Footprint.table(view.name()));
            Set<String> words = new LinkedHashSet<>();
            for (String token : SqlTokens.split(view.query())) {
                if (SqlTokens.isWord(token)) {
                    words.add(token.toLowerCase(java.util.Locale.ROOT));
                } else if (SqlTokens.isQuotedIdentifier(token)) {
                    words.add(unquote(token));
                }
            }
            Set<String> needed = needed(dropping);
            for (String table : words) {
                needed.add(Footprint.table(table));
                for (String column : words) {
                    needed.add(Footprint.column(table, column));
                }
            }
        }

        void column(String table, Column c, boolean dropping) {
            made(dropping).add(Footprint.column(table, c.name()));
            needed(dropping).add(Footprint.table(table));
            typeOf(c.type().sql(), needed(dropping));
            if (c.defaultValue() != null) {
                sequencesIn(c.defaultValue().sql(), needed(dropping));
            }
            if (c.generated() != null) {
                Set<String> over = new LinkedHashSet<>();
                wordsAsColumns(table, c.generated(), over);
                over.remove(Footprint.column(table, c.name()));
                needed(dropping).addAll(over);
            }
        }

        void constraint(String table, Constraint constraint, boolean dropping) {
            Set<String> made = made(dropping);
            Set<String> needed = needed(dropping);
            needed.add(Footprint.table(table));
            if (constraint.name() != null) {
                made.add(Footprint.constraint(table, constraint.name()));
            }
            if (constraint instanceof PrimaryKey pk) {
                made.add(key(table, pk.columns()));
                relation(pk.name(), made);
                columns(table, pk.columns(), needed);
            } else if (constraint instanceof UniqueConstraint u) {
                made.add(key(table, u.columns()));
                relation(u.name(), made);
                columns(table, u.columns(), needed);
            } else if (constraint instanceof ForeignKey fk) {
                columns(table, fk.columns(), needed);
                String target = referencedTable(fk);
                needed.add(Footprint.table(target));
                needed.add(key(target, fk.referencedColumns()));
                columns(target, fk.referencedColumns(), needed);
            } else if (constraint instanceof CheckConstraint check) {
                wordsAsColumns(table, check.expression(), needed);
            }
        }

        void index(String table, Index index, boolean dropping) {
            Set<String> made = made(dropping);
            Set<String> needed = needed(dropping);
            needed.add(Footprint.table(table));
            relation(index.name(), made);
            boolean plain = index.where() == null;
            for (IndexElement e : index.elements()) {
                if (e.column() != null) {
                    needed.add(Footprint.column(table, e.column()));
                } else {
                    plain = false;
                    wordsAsColumns(table, e.expression(), needed);
                }
            }
            columns(table, index.include(), needed);
            if (index.where() != null) {
                wordsAsColumns(table, index.where(), needed);
            }
            if (index.isUnique() && plain) {
                made.add(key(table, index.keyNames()));
            }
        }

        static void relation(String name, Set<String> into) {
            if (name != null) {
                into.add("relation:" + name);
            }
        }

        static void columns(String table, List<String> columns, Set<String> into) {
            columns.forEach(c -> into.add(Footprint.column(table, c)));
        }

        /** An enum type by the name a column's type spells, without array brackets. */
        static void typeOf(String sql, Set<String> into) {
            String name = sql.strip().replaceAll("(\\s*\\[\\s*\\d*\\s*\\])+$", "");
            into.add("type:" + unquote(name));
        }

        static void sequencesIn(String sql, Set<String> into) {
            Matcher m = NEXTVAL.matcher(sql);
            while (m.find()) {
                String name = m.group(1);
                int dot = name.lastIndexOf('.');
                into.add("sequence:" + unquote(dot < 0 ? name : name.substring(dot + 1)));
            }
        }

        /** Every identifier of an expression, as a column of {@code table} (string literals left out). */
        static void wordsAsColumns(String table, String expression, Set<String> into) {
            if (expression == null) {
                return;
            }
            for (String token : SqlTokens.split(expression)) {
                if (SqlTokens.isWord(token) || SqlTokens.isQuotedIdentifier(token)) {
                    into.add(Footprint.column(table, unquote(token)));
                }
            }
        }

        static String unquote(String name) {
            return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                    ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                    : name.toLowerCase(Locale.ROOT);
        }
    }

    private record Visitor(Builder b) implements OperationVisitor<Void> {

        @Override
        public Void visit(CreateTable op) {
            b.table(op.table(), false);
            return null;
        }

        @Override
        public Void visit(DropTable op) {
            b.removes.add(table(op.name()));
            if (op.definition() != null) {
                b.table(op.definition(), true);
            }
            b.releases.remove(table(op.name()));
            return null;
        }

        @Override
        public Void visit(RenameTable op) {
            b.removes.add(table(op.from()));
            b.creates.add(table(op.to()));
            return null;
        }

        @Override
        public Void visit(AddColumn op) {
            b.column(op.table(), op.column(), false);
            return null;
        }

        @Override
        public Void visit(DropColumn op) {
            b.removes.add(column(op.table(), op.column()));
            b.releases.add(table(op.table()));
            if (op.definition() != null) {
                b.column(op.table(), op.definition(), true);
            }
            return null;
        }

        @Override
        public Void visit(AlterColumn op) {
            String self = column(op.table(), op.column());
            b.requires.add(table(op.table()));
            if (op.type() != null) {
                // What depends on the column's type goes before and comes back after.
                b.removes.add(self);
                b.creates.add(self);
                if (op.type().from() != null) {
                    Builder.typeOf(op.type().from().sql(), b.releases);
                }
                Builder.typeOf(op.type().to().sql(), b.requires);
            } else {
                b.requires.add(self);
            }
            if (op.defaultValue() != null) {
                if (op.defaultValue().from() != null) {
                    Builder.sequencesIn(op.defaultValue().from().sql(), b.releases);
                }
                if (op.defaultValue().to() != null) {
                    Builder.sequencesIn(op.defaultValue().to().sql(), b.requires);
                }
            }
            return null;
        }

        @Override
        public Void visit(RenameColumn op) {
            b.removes.add(column(op.table(), op.from()));
            b.creates.add(column(op.table(), op.to()));
            b.requires.add(table(op.table()));
            return null;
        }

        @Override
        public Void visit(CreateSchema op) {
            b.creates.add("schema:" + op.name());
            return null;
        }

        @Override
        public Void visit(DropSchema op) {
            b.removes.add("schema:" + op.name());
            return null;
        }

        @Override
        public Void visit(InSchema op) {
            throw new IllegalStateException("Footprint.of unwraps " + op.describe());
        }

        @Override
        public Void visit(CreateView op) {
            b.view(op.view(), false);
            return null;
        }

        @Override
        public Void visit(DropView op) {
            Builder.relation(op.name(), b.removes);
            b.removes.add(table(op.name()));
            if (op.definition() != null) {
                b.view(op.definition(), true);
            }
            return null;
        }

        @Override
        public Void visit(CreateIndex op) {
            b.index(op.table(), op.index(), false);
            return null;
        }

        @Override
        public Void visit(DropIndex op) {
            Builder.relation(op.name(), b.removes);
            if (op.definition() != null) {
                b.index(op.table(), op.definition(), true);
            }
            return null;
        }

        @Override
        public Void visit(AddConstraint op) {
            b.constraint(op.table(), op.constraint(), false);
            return null;
        }

        @Override
        public Void visit(DropConstraint op) {
            b.removes.add(constraint(op.table(), op.name()));
            if (op.definition() != null) {
                b.constraint(op.table(), op.definition(), true);
            }
            return null;
        }

        @Override
        public Void visit(CreateSequence op) {
            b.creates.add("sequence:" + op.sequence().name());
            if (op.sequence().ownedByTable() != null) {
                b.requires.add(column(op.sequence().ownedByTable(), op.sequence().ownedByColumn()));
            }
            return null;
        }

        @Override
        public Void visit(AlterSequence op) {
            b.requires.add("sequence:" + op.to().name());
            if (op.to().ownedByTable() != null) {
                b.requires.add(column(op.to().ownedByTable(), op.to().ownedByColumn()));
            }
            return null;
        }

        @Override
        public Void visit(DropSequence op) {
            b.removes.add("sequence:" + op.name());
            return null;
        }

        @Override
        public Void visit(CreateEnumType op) {
            b.creates.add("type:" + op.type().name());
            return null;
        }

        @Override
        public Void visit(AddEnumValue op) {
            b.requires.add("type:" + op.type());
            return null;
        }

        @Override
        public Void visit(DropEnumType op) {
            b.removes.add("type:" + op.name());
            return null;
        }

        @Override
        public Void visit(SetTableComment op) {
            b.requires.add(table(op.table()));
            return null;
        }

        @Override
        public Void visit(ExecuteSql op) {
            return null;
        }

        @Override
        public Void visit(ValidateConstraint op) {
            b.requires.add(constraint(op.table(), op.name()));
            return null;
        }

        @Override
        public Void visit(RenameObject op) {
            switch (op.kind()) {
                case INDEX -> {
                    Builder.relation(op.from(), b.removes);
                    Builder.relation(op.to(), b.creates);
                }
                case CONSTRAINT -> {
                    b.removes.add(constraint(op.table(), op.from()));
                    b.creates.add(constraint(op.table(), op.to()));
                }
                case SEQUENCE -> {
                    b.removes.add("sequence:" + op.from());
                    b.creates.add("sequence:" + op.to());
                }
            }
            if (op.table() != null) {
                b.requires.add(table(op.table()));
            }
            return null;
        }
    }
}
