package dev.retort.migration;

import dev.retort.migration.internal.OperationExecutor;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterSequence;
import dev.retort.op.Change;
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
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameObject;
import dev.retort.op.RenameTable;
import dev.retort.op.SetTableComment;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Constraint;
import dev.retort.schema.Default;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The facade a migration's {@code upgrade(op)} and {@code downgrade(op)} call: one typed method per
 * operation, each building an {@link Operation} record and handing it to the executor (a live database,
 * an offline script or a recorder). Methods that take a full definition ({@code dropTable(Table)},
 * {@code alterColumn(table, from, to)}) build reversible operations; the short forms do not need to.
 */
public final class Operations {

    private final OperationExecutor executor;
    private final String schema;

    public Operations(OperationExecutor executor) {
        this(executor, null);
    }

    private Operations(OperationExecutor executor, String schema) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.schema = schema;
    }

    /**
     * The same operations on the objects of schema {@code name} instead of the working schema:
     * {@code op.schema("audit").createTable("log", ...)} creates {@code audit.log}. A foreign key created there
     * references a table of the same schema unless it names another ({@code ForeignKey.of(...).inSchema("public")}).
     */
    public Operations schema(String name) {
        if (schema != null) {
            throw new IllegalStateException("op.schema(\"" + name + "\") on op.schema(\"" + schema + "\"): choose one");
        }
        return new Operations(executor, dev.retort.schema.Names.require(name, "schema name"));
    }

    /** Runs any operation record as it is (in this view's schema, if it has one). */
    public void run(Operation operation) {
        executor.execute(schema == null || operation instanceof InSchema ? operation : new InSchema(schema, operation));
    }

    // --- schemas --------------------------------------------------------------------------------------

    /** {@code CREATE SCHEMA name}; undone by {@link #dropSchema(String)}. */
    public void createSchema(String name) {
        executor.execute(new CreateSchema(name));
    }

    /** {@code DROP SCHEMA name}: PostgreSQL refuses while anything is left in it. */
    public void dropSchema(String name) {
        executor.execute(new DropSchema(name));
    }

    // --- tables ---------------------------------------------------------------------------------------

    /** {@code op.createTable("tags", Column.of("id", "bigint").notNull(), PrimaryKey.of("tags_pkey", "id"))}. */
    public void createTable(String name, TableElement... elements) {
        run(new CreateTable(Table.of(name, elements)));
    }

    public void createTable(Table table) {
        run(new CreateTable(table));
    }

    public void dropTable(String name) {
        run(new DropTable(name, null));
    }

    /** Drops a table, carrying its definition so the drop can be reversed. */
    public void dropTable(Table definition) {
        run(new DropTable(definition.name(), definition));
    }

    public void renameTable(String from, String to) {
        run(new RenameTable(from, to));
    }

    public void setTableComment(String table, String comment) {
        run(new SetTableComment(table, Change.to(comment)));
    }

    /** Sets a table comment, recording the previous one so it can be restored. */
    public void setTableComment(String table, String previous, String comment) {
        run(new SetTableComment(table, Change.of(previous, comment)));
    }

    // --- columns --------------------------------------------------------------------------------------

    public void addColumn(String table, Column column) {
        run(new AddColumn(table, column));
    }

    public void dropColumn(String table, String column) {
        run(new DropColumn(table, column, null));
    }

    /** Drops a column, carrying its definition so the drop can be reversed. */
    public void dropColumn(String table, Column definition) {
        run(new DropColumn(table, definition.name(), definition));
    }

    public void renameColumn(String table, String from, String to) {
        run(new RenameColumn(table, from, to));
    }

    /**
     * Changes a column from one full definition to another (same name); reversible, and carrying both definitions
     * for a database that restates a column to change it (MariaDB).
     */
    public void alterColumn(String table, Column from, Column to) {
        AlterColumn alteration = AlterColumn.between(table, from, to);
        if (alteration != null) {
            run(alteration.restating(from, to));
        }
    }

    /**
     * Changes the aspects of a column the {@code change} names, each with its value before and after, which
     * makes it reversible: {@code op.alterColumn("t", "c", c -> c.type("varchar(50)", "varchar(200)").nullable(true, false))}.
     * This is the form generated migrations use.
     */
    public void alterColumn(String table, String column, Consumer<AlterColumn.Builder> change) {
        AlterColumn.Builder builder = new AlterColumn.Builder(table, column);
        change.accept(builder);
        AlterColumn alteration = builder.build();
        if (alteration != null) {
            run(alteration);
        }
    }

    /** Changes a column's type; the existing values are cast with {@code column::newType}. */
    public void alterColumnType(String table, String column, String newType) {
        run(new AlterColumn.Builder(table, column).type(Change.to(ColumnType.of(newType))).build());
    }

    /** Changes a column's type, converting existing values with the {@code using} expression. */
    public void alterColumnType(String table, String column, String newType, String using) {
        run(new AlterColumn.Builder(table, column).type(Change.to(ColumnType.of(newType))).using(using).build());
    }

    public void setNotNull(String table, String column) {
        run(new AlterColumn.Builder(table, column).nullable(false).build());
    }

    public void dropNotNull(String table, String column) {
        run(new AlterColumn.Builder(table, column).nullable(true).build());
    }

    /** Sets a column's server default to an SQL expression, e.g. {@code "now()"} or {@code "'draft'"}. */
    public void setDefault(String table, String column, String sql) {
        run(new AlterColumn.Builder(table, column).defaultValue(Change.to(Default.of(sql))).build());
    }

    public void dropDefault(String table, String column) {
        run(new AlterColumn.Builder(table, column).defaultValue(Change.<Default>to(null)).build());
    }

    public void setColumnComment(String table, String column, String comment) {
        run(new AlterColumn.Builder(table, column).comment(Change.to(comment)).build());
    }

    // --- indexes --------------------------------------------------------------------------------------
    // Every call on a table object names the table first, then what in it: the order of addColumn and
    // alterColumn, and of the statement itself (ALTER TABLE table ... name).

    /** {@code op.createIndex("reminders", "ix_reminders_due_at", "due_at")}. */
    public void createIndex(String table, String name, String... columns) {
        run(new CreateIndex(table, Index.of(name, columns), false));
    }

    /** {@code op.createIndex("reminders", Index.of("ix_reminders_open", "user_id").where("NOT done"))}. */
    public void createIndex(String table, Index index) {
        run(new CreateIndex(table, index, false));
    }

    /** {@code CREATE INDEX CONCURRENTLY}: builds without blocking writes; runs outside the migration's transaction. */
    public void createIndexConcurrently(String table, Index index) {
        run(new CreateIndex(table, index, true));
    }

    /** {@code op.dropIndex("reminders", "ix_reminders_due_at")}. */
    public void dropIndex(String table, String name) {
        run(new DropIndex(table, name, null, false));
    }

    /**
     * Adds a check or foreign key {@code NOT VALID}: instant, and enforced for new rows; validate the existing rows
     * later with {@link #validateConstraint} in a transaction of its own.
     */
    public void addConstraintNotValid(String table, Constraint constraint) {
        run(new AddConstraint(table, constraint, true, null));
    }

    /** {@code ALTER TABLE ... VALIDATE CONSTRAINT}: checks the rows without blocking reads or writes. */
    public void validateConstraint(String table, String name) {
        run(new ValidateConstraint(table, name));
    }

    /**
     * Makes a primary key or unique constraint from an existing unique index (built before with
     * {@link #createIndexConcurrently}), instantly; the index takes the constraint's name.
     */
    public void addConstraintUsingIndex(String table, Constraint constraint, String index) {
        run(new AddConstraint(table, constraint, false, index));
    }

    /** Renames an index of {@code table}; it is not rebuilt. */
    public void renameIndex(String table, String from, String to) {
        run(new RenameObject(RenameObject.Kind.INDEX, table, from, to));
    }

    /** Renames a constraint of {@code table} (a primary key or unique constraint renames its index with it). */
    public void renameConstraint(String table, String from, String to) {
        run(new RenameObject(RenameObject.Kind.CONSTRAINT, table, from, to));
    }

    /** Renames a sequence; it keeps its current value. */
    public void renameSequence(String from, String to) {
        run(new RenameObject(RenameObject.Kind.SEQUENCE, null, from, to));
    }

    /** Drops an index, carrying its definition so the drop can be reversed. */
    public void dropIndex(String table, Index definition) {
        run(new DropIndex(table, definition.name(), definition, false));
    }

    /** {@code DROP INDEX CONCURRENTLY}; runs outside the migration's transaction. */
    public void dropIndexConcurrently(String table, String name) {
        run(new DropIndex(table, name, null, true));
    }

    public void dropIndexConcurrently(String table, Index definition) {
        run(new DropIndex(table, definition.name(), definition, true));
    }

    // --- constraints ----------------------------------------------------------------------------------

    public void addConstraint(String table, Constraint constraint) {
        run(new AddConstraint(table, constraint));
    }

    /** {@code op.createPrimaryKey("users", "pk_users", "id")}. */
    public void createPrimaryKey(String table, String name, String... columns) {
        addConstraint(table, PrimaryKey.of(name, columns));
    }

    /** {@code op.createUniqueConstraint("users", "uq_users_email", "email")}. */
    public void createUniqueConstraint(String table, String name, String... columns) {
        addConstraint(table, UniqueConstraint.of(name, columns));
    }

    /** {@code op.createCheckConstraint("users", "ck_users_email_lower", "email = lower(email)")}. */
    public void createCheckConstraint(String table, String name, String condition) {
        addConstraint(table, CheckConstraint.of(name, condition));
    }

    /** {@code op.createForeignKey("entries", ForeignKey.of("fk_entries_user", "user_id", "users", "id"))}. */
    public void createForeignKey(String table, ForeignKey foreignKey) {
        addConstraint(table, foreignKey);
    }

    /** {@code op.createForeignKey("entries", "fk_entries_user", List.of("user_id"), "users", List.of("id"))}. */
    public void createForeignKey(String table, String name, List<String> columns, String referencedTable,
                                 List<String> referencedColumns) {
        addConstraint(table, ForeignKey.of(name, columns, referencedTable, referencedColumns));
    }

    /** {@code op.dropConstraint("users", "ck_users_email_lower")}. */
    public void dropConstraint(String table, String name) {
        run(new DropConstraint(table, name, null));
    }

    /** Drops a constraint, carrying its definition so the drop can be reversed. */
    public void dropConstraint(String table, Constraint definition) {
        run(new DropConstraint(table, definition.name(), definition));
    }

    // --- sequences ------------------------------------------------------------------------------------

    public void createSequence(String name) {
        run(new CreateSequence(Sequence.of(name)));
    }

    public void createSequence(Sequence sequence) {
        run(new CreateSequence(sequence));
    }

    /** Applies the non-null options of {@code to}; not reversible. */
    public void alterSequence(Sequence to) {
        run(new AlterSequence(null, to));
    }

    /** Changes a sequence from one full definition to another; reversible. */
    public void alterSequence(Sequence from, Sequence to) {
        run(new AlterSequence(from, to));
    }

    public void dropSequence(String name) {
        run(new DropSequence(name, null));
    }

    /** Drops a sequence, carrying its definition so the drop can be reversed. */
    public void dropSequence(Sequence definition) {
        run(new DropSequence(definition.name(), definition));
    }

    // --- enum types -----------------------------------------------------------------------------------

    public void createEnumType(String name, String... values) {
        run(new CreateEnumType(EnumType.of(name, values)));
    }

    public void createEnumType(EnumType type) {
        run(new CreateEnumType(type));
    }

    public void addEnumValue(String type, String value) {
        run(new AddEnumValue(type, value, null, null));
    }

    public void addEnumValueBefore(String type, String value, String before) {
        run(new AddEnumValue(type, value, before, null));
    }

    public void addEnumValueAfter(String type, String value, String after) {
        run(new AddEnumValue(type, value, null, after));
    }

    public void dropEnumType(String name) {
        run(new DropEnumType(name, null));
    }

    /** Drops an enum type, carrying its values so the drop can be reversed. */
    public void dropEnumType(EnumType definition) {
        run(new DropEnumType(definition.name(), definition));
    }

    // --- views ----------------------------------------------------------------------------------------

    /** {@code op.createView("open_orders", "select id, placed from purchase_order where shipped is null")}. */
    public void createView(String name, String query) {
        run(new CreateView(View.of(name, query)));
    }

    public void createView(View view) {
        run(new CreateView(view));
    }

    public void dropView(String name) {
        run(new DropView(name, null));
    }

    /** Drops a view, carrying its query so the drop can be reversed. */
    public void dropView(View definition) {
        run(new DropView(definition.name(), definition));
    }

    // --- raw SQL --------------------------------------------------------------------------------------

    /** Runs SQL as it is, in the migration's transaction: the tool for hand-written data migrations. */
    public void execute(String sql) {
        run(new ExecuteSql(sql, null));
    }

    /** Runs SQL whose undoing is {@code reverseSql}, which makes it reversible. */
    public void execute(String sql, String reverseSql) {
        run(new ExecuteSql(sql, reverseSql));
    }

    /**
     * The live JDBC connection, inside the migration's transaction, for data migrations that must read
     * before they write. Not available offline ({@code --sql}); prefer {@link #execute(String)} where SQL suffices.
     */
    public Connection connection() {
        return executor.connection();
    }
}
