package dev.retort.lint;

import java.util.List;

/**
 * What one statement of a migration does, as far as locks and the running release are concerned: the common
 * ground of typed operations ({@link OperationFacts}) and SQL passed to {@code op.execute} ({@link SqlFacts}).
 * Table and column names are as PostgreSQL stores them (unquoted SQL names folded to lower case), without schema.
 */
sealed interface Action {

    /** The table whose lock the action takes, or {@code null} when it takes none that matters. */
    default String table() {
        return null;
    }

    /** A column as the lint needs it: its name, its type as written, its default, whether it is an identity. */
    record ColumnFact(String name, String type, String defaultSql, boolean identity, boolean primaryKey) {
    }

    record CreateTable(String table, List<ColumnFact> columns) implements Action {
    }

    record CreateIndex(String table, String name, boolean concurrently, boolean unique) implements Action {
    }

    /** {@code table} is {@code null} when only the index is named (SQL's DROP INDEX). */
    record DropIndex(String table, String name, boolean concurrently) implements Action {
    }

    enum ConstraintKind { FOREIGN_KEY, CHECK, UNIQUE, PRIMARY_KEY }

    /**
     * @param notNullColumn for a check that only says {@code column IS NOT NULL}, that column; else {@code null}
     * @param usingIndex    {@code ADD CONSTRAINT ... USING INDEX}: an existing index becomes the constraint
     */
    record AddConstraint(String table, String name, ConstraintKind kind, boolean notValid, boolean usingIndex,
                         String notNullColumn) implements Action {
    }

    record ValidateConstraint(String table, String name) implements Action {
    }

    record SetNotNull(String table, String column) implements Action {
    }

    /** @param from the type before, {@code null} when the statement does not say (SQL); {@code using} a USING clause */
    record ChangeType(String table, String column, String from, String to, boolean using) implements Action {
    }

    record AddColumn(String table, ColumnFact column) implements Action {
    }

    record DropTable(String table) implements Action {
    }

    record DropColumn(String table, String column) implements Action {
    }

    record RenameTable(String table, String to) implements Action {
    }

    record RenameColumn(String table, String from, String to) implements Action {
    }

    /** Any other change to a table's definition (a default, a comment, a dropped constraint): it takes a lock. */
    record AlterTable(String table) implements Action {
    }

    /** {@code SET [LOCAL] lock_timeout}. */
    record SetLockTimeout() implements Action {
    }

    /** {@code COMMIT}, {@code ROLLBACK}, {@code END}, ... */
    record EndTransaction(String keyword) implements Action {
    }

    /** A statement the parser could not read. */
    record Unparsed(String reason) implements Action {
    }

    /** Something the rules have nothing to say about (DML, a sequence, a type, a view). */
    record Other() implements Action {
    }
}
