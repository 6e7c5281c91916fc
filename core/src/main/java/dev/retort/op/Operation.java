package dev.retort.op;

/**
 * One change to a database schema. Code that handles operations implements {@link OperationVisitor}, so
 * adding an operation breaks the build wherever it must be handled.
 */
public sealed interface Operation
        permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, RenameColumn,
        CreateIndex, DropIndex, AddConstraint, DropConstraint, CreateSequence, AlterSequence, DropSequence,
        CreateEnumType, AddEnumValue, DropEnumType, SetTableComment, CreateView, DropView, CreateSchema, DropSchema,
        InSchema, ExecuteSql, RenameObject, ValidateConstraint {

    /**
     * The operation that undoes this one, built from what this operation carries (never from the database).
     *
     * @throws IrreversibleOperationException when this operation does not carry enough to be undone
     */
    Operation reverse();

    /** Calls the {@code visitor} method for this operation's type. */
    <R> R accept(OperationVisitor<R> visitor);

    /** A short human description naming the objects involved, e.g. {@code add column reminders.due_at}. */
    String describe();

    /** Whether {@link #reverse()} succeeds. */
    default boolean isReversible() {
        try {
            reverse();
            return true;
        } catch (IrreversibleOperationException e) {
            return false;
        }
    }
}
