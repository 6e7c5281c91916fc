package dev.retort.platform.mariadb;

import dev.retort.RetortException;
import dev.retort.ddl.Dialect;
import dev.retort.ddl.SequenceClauses;
import dev.retort.ddl.SqlScan;
import dev.retort.ddl.SqlStatement;
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
import dev.retort.schema.Deferrability;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB's DDL for the operations (10.6 and later; MySQL 8 reads the same but for sequences). Every statement
 * commits on its own: MariaDB ends the open transaction before and after DDL, so the runner records a revision's
 * progress instead of promising one transaction ({@code MariaDbPlatform#transactionalDdl()}). What MariaDB has no
 * form for (enum types, partial and expression indexes, deferrable or NOT VALID constraints, PostgreSQL's
 * {@code CONCURRENTLY}) is refused with the reason, before anything runs.
 */
public final class MariaDbDialect implements Dialect {

    /** The database ("schema") the statements' objects are in; {@code null}: the connection's current one. */
    private final String schema;

    public MariaDbDialect() {
        this(null);
    }

    private MariaDbDialect(String schema) {
        this.schema = schema;
    }

    @Override
    public String quote(String identifier) {
        return MariaDbIdentifiers.quote(identifier);
    }

    @Override
    public String literal(String value) {
        return MariaDbIdentifiers.literal(value);
    }

    @Override
    public SqlScan scan(String sql) {
        return MariaDbSqlScanner.scan(sql);
    }

    @Override
    public List<SqlStatement> statements(Operation operation) {
        return operation.accept(visitor);
    }

    private final OperationVisitor<List<SqlStatement>> visitor = new OperationVisitor<>() {
        @Override
        public List<SqlStatement> visit(CreateTable op) {
            return createTable(op.table());
        }

        @Override
        public List<SqlStatement> visit(DropTable op) {
            return one("DROP TABLE " + relation(op.name()));
        }

        @Override
        public List<SqlStatement> visit(RenameTable op) {
            return one("RENAME TABLE " + relation(op.from()) + " TO " + relation(op.to()));
        }

        @Override
        public List<SqlStatement> visit(AddColumn op) {
            return one(alterTable(op.table()) + "ADD COLUMN " + columnDefinition(op.column()));
        }

        @Override
        public List<SqlStatement> visit(DropColumn op) {
            return one(alterTable(op.table()) + "DROP COLUMN " + quote(op.column()));
        }

        @Override
        public List<SqlStatement> visit(AlterColumn op) {
            return alterColumn(op);
        }

        @Override
        public List<SqlStatement> visit(RenameColumn op) {
            return one(alterTable(op.table()) + "RENAME COLUMN " + quote(op.from()) + " TO " + quote(op.to()));
        }

        @Override
        public List<SqlStatement> visit(CreateIndex op) {
            Index index = op.index();
            if (index.name() == null) {
                throw refused(op, "MariaDB names every index: give the index a name");
            }
            // CONCURRENTLY's meaning on MariaDB: build it without blocking writes, or fail rather than block.
            return one("CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                    + relation(op.table()) + " (" + indexElements(op, index) + ")"
                    + (index.method() != null ? " USING " + method(op, index.method()) : "")
                    + (op.concurrently() ? " ALGORITHM=INPLACE LOCK=NONE" : ""));
        }

        @Override
        public List<SqlStatement> visit(DropIndex op) {
            if (op.table() == null) {
                throw refused(op, "MariaDB drops an index of a table (DROP INDEX name ON table): the operation "
                        + "does not name the table; write op.dropIndex(\"table\", \"" + op.name() + "\")");
            }
            return one(op.concurrently() ? alterTable(op.table()) + "DROP INDEX " + quote(op.name())
                    + ", ALGORITHM=INPLACE, LOCK=NONE" : "DROP INDEX " + quote(op.name()) + " ON " + relation(op.table()));
        }

        @Override
        public List<SqlStatement> visit(AddConstraint op) {
            if (op.notValid()) {
                throw refused(op, "MariaDB checks every row when a constraint is added; it has no NOT VALID");
            }
            if (op.usingIndex() != null) {
                throw refused(op, "MariaDB cannot turn an existing index into a constraint (USING INDEX)");
            }
            return one(alterTable(op.table()) + "ADD " + constraint(op, op.constraint()));
        }

        @Override
        public List<SqlStatement> visit(DropConstraint op) {
            Constraint definition = op.definition();
            String drop;
            if (definition instanceof PrimaryKey) {
                drop = "DROP PRIMARY KEY";
            } else if (definition instanceof ForeignKey) {
                drop = "DROP FOREIGN KEY " + quote(op.name());
            } else if (definition instanceof UniqueConstraint) {
                drop = "DROP INDEX " + quote(op.name());
            } else {
                drop = "DROP CONSTRAINT " + quote(op.name());
            }
            return one(alterTable(op.table()) + drop);
        }

        @Override
        public List<SqlStatement> visit(CreateSequence op) {
            Sequence s = op.sequence();
            String options = String.join(" ", sequenceOptions(s.options(), null));
            return one("CREATE SEQUENCE " + relation(s.name()) + (options.isEmpty() ? "" : " " + options));
        }

        @Override
        public List<SqlStatement> visit(AlterSequence op) {
            List<String> parts = sequenceOptions(op.to().options(), op.from() == null ? null : op.from().options());
            return parts.isEmpty() ? List.of()
                    : one("ALTER SEQUENCE " + relation(op.to().name()) + " " + String.join(" ", parts));
        }

        @Override
        public List<SqlStatement> visit(DropSequence op) {
            return one("DROP SEQUENCE " + relation(op.name()));
        }

        @Override
        public List<SqlStatement> visit(ValidateConstraint op) {
            throw refused(op, "MariaDB has no NOT VALID constraints to validate");
        }

        @Override
        public List<SqlStatement> visit(RenameObject op) {
            return switch (op.kind()) {
                case INDEX -> {
                    if (op.table() == null) {
                        throw refused(op, "MariaDB renames an index of a table: name the table");
                    }
                    yield one(alterTable(op.table()) + "RENAME INDEX " + quote(op.from()) + " TO " + quote(op.to()));
                }
                case CONSTRAINT -> throw refused(op, "MariaDB cannot rename a constraint; drop it and add it "
                        + "under the new name");
                case SEQUENCE -> one("RENAME TABLE " + relation(op.from()) + " TO " + relation(op.to()));
            };
        }

        @Override
        public List<SqlStatement> visit(CreateEnumType op) {
            throw refused(op, "MariaDB has no enum types (an ENUM is written in the column's type instead)");
        }

        @Override
        public List<SqlStatement> visit(AddEnumValue op) {
            throw refused(op, "MariaDB has no enum types (change the column's ENUM type instead)");
        }

        @Override
        public List<SqlStatement> visit(DropEnumType op) {
            throw refused(op, "MariaDB has no enum types");
        }

        @Override
        public List<SqlStatement> visit(SetTableComment op) {
            return one(alterTable(op.table()) + "COMMENT = " + literal(op.comment().to() == null ? ""
                    : op.comment().to()));
        }

        @Override
        public List<SqlStatement> visit(CreateView op) {
            return one("CREATE VIEW " + relation(op.view().name()) + " AS\n" + op.view().query());
        }

        @Override
        public List<SqlStatement> visit(DropView op) {
            return one("DROP VIEW " + relation(op.name()));
        }

        @Override
        public List<SqlStatement> visit(CreateSchema op) {
            return one("CREATE DATABASE " + quote(op.name()));
        }

        @Override
        public List<SqlStatement> visit(DropSchema op) {
            return one("DROP DATABASE " + quote(op.name()));
        }

        @Override
        public List<SqlStatement> visit(InSchema op) {
            if (schema != null) {
                throw new IllegalStateException("Nested schemas: " + op.describe());
            }
            return new MariaDbDialect(op.schema()).statements(op.operation());
        }

        @Override
        public List<SqlStatement> visit(ExecuteSql op) {
            return one(op.sql());
        }
    };

    private List<SqlStatement> createTable(Table table) {
        List<String> lines = new ArrayList<>();
        for (Column column : table.columns()) {
            lines.add(columnDefinition(column));
        }
        CreateTable op = new CreateTable(table);
        for (Constraint c : table.constraints()) {
            lines.add(constraint(op, c instanceof CheckConstraint ck && ck.name() == null ? named(table, ck) : c));
        }
        for (Index index : table.indexes()) {
            if (index.name() == null) {
                throw refused(op, "MariaDB names every index: give each index a name");
            }
            lines.add((index.isUnique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ("
                    + indexElements(op, index) + ")" + (index.method() != null ? " USING " + method(op, index.method())
                    : ""));
        }
        return one("CREATE TABLE " + relation(table.name()) + " ("
                + (lines.isEmpty() ? "" : "\n    " + String.join(",\n    ", lines) + "\n") + ")"
                + (table.comment() != null ? " COMMENT = " + literal(table.comment()) : ""));
    }

    /**
     * An unnamed check on one column, named after that column as MariaDB names a check written in the column's
     * definition (which is where Hibernate writes it); others stay unnamed ({@code CONSTRAINT_1}, ...).
     */
    private static Constraint named(Table table, CheckConstraint check) {
        List<String> used = table.columns().stream().map(Column::name)
                .filter(c -> java.util.regex.Pattern.compile("(?i)(?<![\\w`])`?" + java.util.regex.Pattern.quote(c)
                        + "`?(?![\\w`])").matcher(check.expression()).find())
                .toList();
        boolean free = used.size() == 1 && table.constraints().stream().noneMatch(c -> used.get(0).equals(c.name()));
        return free ? CheckConstraint.of(used.get(0), check.expression()) : check;
    }

    /**
     * MariaDB's {@code MODIFY COLUMN} restates the whole column, so an alteration that changes more than the default
     * must carry the column as it will be ({@link AlterColumn#restating}, which the generator writes). A default
     * alone changes with {@code ALTER COLUMN ... SET DEFAULT} / {@code DROP DEFAULT}, which leaves the rest alone.
     */
    private List<SqlStatement> alterColumn(AlterColumn op) {
        boolean onlyDefault = op.type() == null && op.nullable() == null && op.identity() == null
                && op.comment() == null && op.collation() == null;
        if (onlyDefault && op.restated() == null) {
            return one(alterTable(op.table()) + "ALTER COLUMN " + quote(op.column())
                    + (op.defaultValue().to() == null ? " DROP DEFAULT" : " SET DEFAULT " + op.defaultValue().to().sql()));
        }
        if (op.restated() == null) {
            throw refused(op, "MariaDB's MODIFY COLUMN restates the whole column (type, nullability, default, "
                    + "comment), and this alteration carries only what changes: add the column before and after, "
                    + "op.alterColumn(...).restating(Column.of(...) as it was, Column.of(...) as it will be), or "
                    + "write both statements with op.execute(upgradeSql, downgradeSql)");
        }
        if (op.using() != null) {
            throw refused(op, "MariaDB converts values with the column's new type itself; it has no USING "
                    + "expression (update the values first with op.execute)");
        }
        return one(alterTable(op.table()) + "MODIFY COLUMN " + columnDefinition(op.restated().to()));
    }

    String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type().sql());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(quote(column.collation()));
        }
        if (column.generated() != null) {
            sql.append(" AS (").append(column.generated()).append(") STORED");
        } else {
            sql.append(column.isNullable() ? " NULL" : " NOT NULL");
            if (column.defaultValue() != null) {
                sql.append(" DEFAULT ").append(column.defaultValue().sql());
            }
            if (column.identity() != null) {
                sql.append(" AUTO_INCREMENT");
            }
        }
        if (column.comment() != null) {
            sql.append(" COMMENT ").append(literal(column.comment()));
        }
        return sql.toString();
    }

    private String constraint(Operation op, Constraint constraint) {
        String prefix = constraint.name() == null || constraint instanceof PrimaryKey ? ""
                : "CONSTRAINT " + quote(constraint.name()) + " ";
        return prefix + constraint.accept(new Constraint.Visitor<String>() {
            @Override
            public String visit(PrimaryKey pk) {
                return "PRIMARY KEY (" + columnList(pk.columns()) + ")";
            }

            @Override
            public String visit(UniqueConstraint uq) {
                requireImmediate(op, uq.deferrability());
                return "UNIQUE (" + columnList(uq.columns()) + ")";
            }

            @Override
            public String visit(CheckConstraint ck) {
                return "CHECK (" + ck.expression() + ")";
            }

            @Override
            public String visit(ForeignKey fk) {
                requireImmediate(op, fk.deferrability());
                return "FOREIGN KEY (" + columnList(fk.columns()) + ") REFERENCES "
                        + relation(fk.referencedSchema() != null ? fk.referencedSchema() : schema, fk.referencedTable())
                        + " (" + columnList(fk.referencedColumns()) + ")"
                        + (fk.onUpdate() == ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql())
                        + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql());
            }
        });
    }

    private static void requireImmediate(Operation op, Deferrability deferrability) {
        if (deferrability != Deferrability.NOT_DEFERRABLE) {
            throw refused(op, "MariaDB checks constraints at once; it has no DEFERRABLE constraints");
        }
    }

    private String indexElements(Operation op, Index index) {
        if (index.where() != null) {
            throw refused(op, "MariaDB has no partial indexes (WHERE " + index.where() + ")");
        }
        if (!index.include().isEmpty()) {
            throw refused(op, "MariaDB has no INCLUDE columns in an index");
        }
        return index.elements().stream().map(e -> element(op, e)).collect(Collectors.joining(", "));
    }

    private String element(Operation op, IndexElement element) {
        if (element.isExpression()) {
            throw refused(op, "MariaDB indexes columns, not expressions (" + element.expression() + "); index a "
                    + "generated column instead");
        }
        if (element.opclass() != null || element.nulls() != IndexElement.NullsOrder.DEFAULT) {
            throw refused(op, "MariaDB has no operator classes or NULLS FIRST/LAST in an index");
        }
        return quote(element.column()) + (element.descending() ? " DESC" : "");
    }

    private static String method(Operation op, String method) {
        String m = method.toUpperCase(java.util.Locale.ROOT);
        if (!m.equals("BTREE") && !m.equals("HASH")) {
            throw refused(op, "MariaDB's index methods are BTREE and HASH, not " + method);
        }
        return m;
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(MariaDbIdentifiers::quote).collect(Collectors.joining(", "));
    }

    /** MariaDB keeps a sequence's start when it is not restated, and caches 1000 values by default. */
    private static List<String> sequenceOptions(SequenceOptions to, SequenceOptions from) {
        return SequenceClauses.options(to, from, new SequenceClauses.Words("NO MINVALUE", "NO MAXVALUE", null,
                "CACHE 1000", "CYCLE", "NOCYCLE"));
    }

    private String relation(String name) {
        return relation(schema, name);
    }

    private String relation(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    private String alterTable(String table) {
        return "ALTER TABLE " + relation(table) + " ";
    }

    private static List<SqlStatement> one(String sql) {
        return List.of(SqlStatement.of(sql));
    }

    private static RetortException refused(Operation op, String why) {
        return new RetortException("Cannot run '" + dev.retort.InertText.line(op.describe()) + "' on MariaDB: " + why
                + ".");
    }
}
