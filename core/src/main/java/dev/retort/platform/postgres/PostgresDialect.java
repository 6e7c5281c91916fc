package dev.retort.platform.postgres;

import dev.retort.ddl.Dialect;
import dev.retort.ddl.RowLoss;
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
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL DDL for every operation. Objects are named as they are (the working schema, found through the
 * connection's {@code search_path}) unless an operation is {@link InSchema}: then its statements qualify every
 * object they name with that schema.
 */
public final class PostgresDialect implements Dialect {

    private final String schema;
    private final PostgresClauses clauses;
    private final PostgresAlterColumn alterColumn;

    public PostgresDialect() {
        this(null);
    }

    private PostgresDialect(String schema) {
        this.schema = schema;
        this.clauses = new PostgresClauses(schema);
        this.alterColumn = new PostgresAlterColumn(clauses);
    }

    private String relation(String name) {
        return clauses.relation(name);
    }

    @Override
    public String quote(String identifier) {
        return PostgresIdentifiers.quote(identifier);
    }

    @Override
    public String literal(String value) {
        return PostgresIdentifiers.literal(value);
    }

    @Override
    public SqlScan scan(String sql) {
        PostgresSqlScanner.Scan scan = PostgresSqlScanner.scan(sql);
        return new SqlScan(scan.statementStarts(), scan.statements(), scan.psqlHazard(), scan.transactionEnd());
    }

    @Override
    public RowLoss rowLoss(String column, ColumnType from, ColumnType to) {
        PostgresNarrowing.Loss loss = PostgresNarrowing.rowLoss(column, from, to);
        return loss == null ? null : new RowLoss(loss.condition(), loss.what(), loss.sqlState().equals("22001"));
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
            return one("ALTER TABLE " + relation(op.from()) + " RENAME TO " + quote(op.to()));
        }

        @Override
        public List<SqlStatement> visit(AddColumn op) {
            return addColumn(op);
        }

        @Override
        public List<SqlStatement> visit(DropColumn op) {
            return one(alterTable(op.table()) + "DROP COLUMN " + quote(op.column()));
        }

        @Override
        public List<SqlStatement> visit(AlterColumn op) {
            return alterColumn.statements(op);
        }

        @Override
        public List<SqlStatement> visit(RenameColumn op) {
            return one(alterTable(op.table()) + "RENAME COLUMN " + quote(op.from()) + " TO " + quote(op.to()));
        }

        @Override
        public List<SqlStatement> visit(CreateIndex op) {
            return List.of(createIndex(op.table(), op.index(), op.concurrently()));
        }

        @Override
        public List<SqlStatement> visit(DropIndex op) {
            return List.of(dropIndex(op));
        }

        @Override
        public List<SqlStatement> visit(AddConstraint op) {
            if (op.usingIndex() != null) {
                String kind = op.constraint() instanceof dev.retort.schema.PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
                String deferrable = op.constraint() instanceof dev.retort.schema.UniqueConstraint u
                        ? clauses.deferrabilityClause(u.deferrability()) : "";
                return one(alterTable(op.table()) + "ADD CONSTRAINT " + quote(op.constraint().name()) + " " + kind
                        + " USING INDEX " + quote(op.usingIndex()) + deferrable);
            }
            return one(alterTable(op.table()) + "ADD " + clauses.constraint(op.constraint())
                    + (op.notValid() ? " NOT VALID" : ""));
        }

        @Override
        public List<SqlStatement> visit(DropConstraint op) {
            return one(alterTable(op.table()) + "DROP CONSTRAINT " + quote(op.name()));
        }

        @Override
        public List<SqlStatement> visit(CreateSequence op) {
            return one(clauses.createSequence(op.sequence()));
        }

        @Override
        public List<SqlStatement> visit(AlterSequence op) {
            return clauses.alterSequence(op);
        }

        @Override
        public List<SqlStatement> visit(DropSequence op) {
            return one("DROP SEQUENCE " + relation(op.name()));
        }

        @Override
        public List<SqlStatement> visit(ValidateConstraint op) {
            return one(alterTable(op.table()) + "VALIDATE CONSTRAINT " + quote(op.name()));
        }

        @Override
        public List<SqlStatement> visit(RenameObject op) {
            return switch (op.kind()) {
                case INDEX -> one("ALTER INDEX " + relation(op.from()) + " RENAME TO " + quote(op.to()));
                case CONSTRAINT -> one(alterTable(op.table()) + "RENAME CONSTRAINT " + quote(op.from()) + " TO "
                        + quote(op.to()));
                case SEQUENCE -> one("ALTER SEQUENCE " + relation(op.from()) + " RENAME TO " + quote(op.to()));
            };
        }

        @Override
        public List<SqlStatement> visit(CreateEnumType op) {
            return one("CREATE TYPE " + relation(op.type().name()) + " AS ENUM ("
                    + op.type().values().stream().map(PostgresIdentifiers::literal).collect(Collectors.joining(", "))
                    + ")");
        }

        @Override
        public List<SqlStatement> visit(AddEnumValue op) {
            // In the revision's transaction (PostgreSQL 12 and later allow it), so it is undone with the rest on a
            // failure. PostgreSQL refuses to use the value before that transaction commits: generate puts added
            // values in a revision of their own, before the one that may use them. IF NOT EXISTS lets a
            // non-transactional revision that failed after this point run again.
            return one("ALTER TYPE " + relation(op.type()) + " ADD VALUE IF NOT EXISTS " + literal(op.value())
                    + (op.before() != null ? " BEFORE " + literal(op.before()) : "")
                    + (op.after() != null ? " AFTER " + literal(op.after()) : ""));
        }

        @Override
        public List<SqlStatement> visit(DropEnumType op) {
            return one("DROP TYPE " + relation(op.name()));
        }

        @Override
        public List<SqlStatement> visit(SetTableComment op) {
            return one(clauses.tableComment(op.table(), op.comment().to()));
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
            return one("CREATE SCHEMA " + quote(op.name()));
        }

        @Override
        public List<SqlStatement> visit(DropSchema op) {
            return one("DROP SCHEMA " + quote(op.name()));
        }

        @Override
        public List<SqlStatement> visit(InSchema op) {
            if (schema != null) {
                throw new IllegalStateException("Nested schemas: " + op.describe());
            }
            return new PostgresDialect(op.schema()).statements(op.operation());
        }

        @Override
        public List<SqlStatement> visit(ExecuteSql op) {
            return one(op.sql());
        }
    };

    private List<SqlStatement> createTable(Table table) {
        List<String> lines = new ArrayList<>();
        for (Column column : table.columns()) {
            lines.add(clauses.columnDefinition(column));
        }
        table.constraints().forEach(c -> lines.add(clauses.constraint(c)));
        List<SqlStatement> out = new ArrayList<>();
        out.add(SqlStatement.of("CREATE TABLE " + relation(table.name()) + " ("
                + (lines.isEmpty() ? "" : "\n    " + String.join(",\n    ", lines) + "\n") + ")"));
        for (Index index : table.indexes()) {
            out.add(createIndex(table.name(), index, false));
        }
        if (table.comment() != null) {
            out.add(SqlStatement.of(clauses.tableComment(table.name(), table.comment())));
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                out.add(SqlStatement.of(clauses.columnComment(table.name(), column.name(), column.comment())));
            }
        }
        return out;
    }

    private List<SqlStatement> addColumn(AddColumn op) {
        List<SqlStatement> out = new ArrayList<>();
        out.add(SqlStatement.of(alterTable(op.table()) + "ADD COLUMN " + clauses.columnDefinition(op.column())));
        if (op.column().comment() != null) {
            out.add(SqlStatement.of(clauses.columnComment(op.table(), op.column().name(), op.column().comment())));
        }
        return out;
    }

    private SqlStatement createIndex(String table, Index index, boolean concurrently) {
        String sql = "CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX "
                + (concurrently ? "CONCURRENTLY " : "")
                + (index.name() != null ? quote(index.name()) + " " : "")
                + "ON " + relation(table)
                + (index.method() != null ? " USING " + index.method() : "")
                + " (" + index.elements().stream().map(clauses::indexElement).collect(Collectors.joining(", ")) + ")"
                + (index.include().isEmpty() ? "" : " INCLUDE (" + clauses.columnList(index.include()) + ")")
                + (index.where() != null ? " WHERE " + index.where() : "");
        return concurrently ? SqlStatement.outsideTransaction(sql) : SqlStatement.of(sql);
    }

    private SqlStatement dropIndex(DropIndex op) {
        String sql = "DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + relation(op.name());
        return op.concurrently() ? SqlStatement.outsideTransaction(sql) : SqlStatement.of(sql);
    }

    private String alterTable(String table) {
        return "ALTER TABLE " + relation(table) + " ";
    }

    private static List<SqlStatement> one(String sql) {
        return List.of(SqlStatement.of(sql));
    }
}
