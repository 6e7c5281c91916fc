package dev.retort.schema;

/** A named table constraint. {@code name()} may be {@code null} when PostgreSQL is left to choose it. */
public sealed interface Constraint extends TableElement
        permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint {

    String name();

    /** A short human label such as {@code "foreign key"}, used in messages. */
    String kind();

    /** Calls the {@code visitor} method for this constraint's type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per constraint kind, so code handling constraints stays exhaustive. */
    interface Visitor<R> {
        R visit(PrimaryKey primaryKey);

        R visit(UniqueConstraint unique);

        R visit(CheckConstraint check);

        R visit(ForeignKey foreignKey);
    }
}
