package dev.retort.op;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.Identity;
import dev.retort.schema.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Alters one column: any of its type, nullability, server default, identity and comment. An aspect that
 * does not change is {@code null}. Each change carries the value before when known, which makes the
 * alteration reversible; {@link #between(String, Column, Column)} builds a fully reversible one.
 *
 * @param using the {@code USING} expression converting existing values to the new type, or {@code null}
 *              to let the dialect add a plain cast where the base type changes
 * @param allowLoss whether a type change may change values to fit the new type (cut a string, round a
 *                  number); without it, and without {@code using}, such a change stops when any row holds a
 *                  value that does not fit
 * @param collation the column's collation before and after ({@code null} for the type's default). PostgreSQL
 *                  sets a collation with the type ({@code TYPE varchar(20) COLLATE "C"}), and a type change
 *                  without one resets it, so a collation change needs {@code type} (the same type on both
 *                  sides when only the collation changes), and a type change of a column with a collation
 *                  restates it here
 * @param restated the whole column before and after, or {@code null}: what a database that restates a column to
 *                 change it needs (MariaDB's and MySQL's {@code MODIFY COLUMN}); PostgreSQL alters aspects and
 *                 leaves it alone. {@link #restating} adds it.
 */
public record AlterColumn(String table, String column, Change<ColumnType> type, Change<Boolean> nullable,
                          Change<Default> defaultValue, Change<Identity> identity, Change<String> comment,
                          String using, boolean allowLoss, Change<String> collation, Change<Column> restated)
        implements Operation {

    public AlterColumn {
        Names.require(table, "table name");
        Names.require(column, "column name");
        if (type == null && nullable == null && defaultValue == null && identity == null && comment == null
                && collation == null) {
            throw new IllegalArgumentException("Alteration of column " + table + "." + column + " changes nothing");
        }
        if (type != null) {
            Objects.requireNonNull(type.to(), "new type");
        }
        if (collation != null && type == null) {
            throw new IllegalArgumentException("The collation change of " + table + "." + column + " needs the "
                    + "column's type (PostgreSQL sets both in one clause): add .type(\"<type>\", \"<type>\")");
        }
        if (nullable != null) {
            Objects.requireNonNull(nullable.to(), "new nullability");
            nullable = Change.of(!nullable.to(), nullable.to()); // the state before is implied
        }
        if (using != null && type == null) {
            throw new IllegalArgumentException("A USING expression needs a type change on " + table + "." + column);
        }
        if (allowLoss && type == null) {
            throw new IllegalArgumentException("allowLoss() needs a type change on " + table + "." + column);
        }
        if (restated != null && (restated.to() == null || !restated.to().name().equals(column)
                || (restated.fromKnown() && !restated.from().name().equals(column)))) {
            throw new IllegalArgumentException("The column restated by the alteration of " + table + "." + column
                    + " must be that column, before and after");
        }
    }

    /** An alteration that does not restate the column. */
    public AlterColumn(String table, String column, Change<ColumnType> type, Change<Boolean> nullable,
                       Change<Default> defaultValue, Change<Identity> identity, Change<String> comment,
                       String using, boolean allowLoss, Change<String> collation) {
        this(table, column, type, nullable, defaultValue, identity, comment, using, allowLoss, collation, null);
    }

    /** An alteration that leaves the collation alone. */
    public AlterColumn(String table, String column, Change<ColumnType> type, Change<Boolean> nullable,
                       Change<Default> defaultValue, Change<Identity> identity, Change<String> comment,
                       String using, boolean allowLoss) {
        this(table, column, type, nullable, defaultValue, identity, comment, using, allowLoss, null, null);
    }

    /**
     * This alteration carrying the whole column before and after, for a database that restates a column to change
     * it: {@code alterColumn(...).restating(columnBefore, columnAfter)}.
     */
    public AlterColumn restating(Column from, Column to) {
        return new AlterColumn(table, column, type, nullable, defaultValue, identity, comment, using, allowLoss,
                collation, Change.of(from, to));
    }

    /**
     * The alteration turning column {@code from} into column {@code to} (same name), reversible, or
     * {@code null} when they do not differ.
     */
    public static AlterColumn between(String table, Column from, Column to) {
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("Use RenameColumn to rename " + from.name() + " to " + to.name());
        }
        AlterColumn alteration = new Builder(table, to.name())
                .type(from.type(), to.type())
                .nullable(from.isNullable(), to.isNullable())
                .defaultValue(from.defaultValue(), to.defaultValue())
                .identity(from.identity(), to.identity())
                .comment(from.comment(), to.comment())
                .collation(from.collation(), to.collation(), from.type())
                .build();
        return alteration;
    }

    @Override
    public Operation reverse() {
        List<String> unknown = new ArrayList<>();
        Change<ColumnType> t = reversed(type, "type", unknown);
        Change<Boolean> n = reversed(nullable, "nullability", unknown);
        Change<Default> d = reversed(defaultValue, "default", unknown);
        Change<Identity> i = reversed(identity, "identity", unknown);
        Change<String> c = reversed(comment, "comment", unknown);
        Change<String> k = reversed(collation, "collation", unknown);
        Change<Column> whole = restated == null ? null : reversed(restated, "definition", unknown);
        if (!unknown.isEmpty()) {
            throw new IrreversibleOperationException(this, "the previous " + String.join(", ", unknown)
                    + " of the column is not recorded");
        }
        // The way back widens what this narrowed: nothing to allow. What it widened, it narrows: guarded again.
        return new AlterColumn(table, column, t, n, d, i, c, null, false, k, whole);
    }

    private static <T> Change<T> reversed(Change<T> change, String aspect, List<String> unknown) {
        if (change == null) {
            return null;
        }
        Change<T> r = change.reversed();
        if (r == null) {
            unknown.add(aspect);
        }
        return r;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (type != null && !(type.fromKnown() && type.from().equals(type.to()))) {
            parts.add("type " + (type.fromKnown() ? type.from() + " -> " : "") + type.to());
        }
        if (collation != null && !(collation.fromKnown() && Objects.equals(collation.from(), collation.to()))) {
            parts.add(collation.to() == null ? "default collation" : "collation " + collation.to());
        }
        if (nullable != null) {
            parts.add(nullable.to() ? "NULL" : "NOT NULL");
        }
        if (defaultValue != null) {
            parts.add(defaultValue.to() == null ? "drop default" : "default " + defaultValue.to());
        }
        if (identity != null) {
            parts.add(identity.to() == null ? "drop identity" : "identity");
        }
        if (comment != null) {
            parts.add(comment.to() == null ? "drop comment" : "comment");
        }
        return "alter column " + table + "." + column + " (" + String.join(", ", parts) + ")";
    }

    /** Accumulates the aspects that differ; equal before/after pairs are left out. */
    public static final class Builder {
        private final String table;
        private final String column;
        private Change<ColumnType> type;
        private Change<Boolean> nullable;
        private Change<Default> defaultValue;
        private Change<Identity> identity;
        private Change<String> comment;
        private Change<String> collation;
        private ColumnType collationType;
        private String using;
        private boolean allowLoss;
        private Change<Column> restated;

        public Builder(String table, String column) {
            this.table = table;
            this.column = column;
        }

        public Builder type(ColumnType from, ColumnType to) {
            type = Objects.equals(from, to) ? null : Change.of(from, to);
            return this;
        }

        /** The type before and after, as SQL text: {@code c.type("varchar(50)", "varchar(200)")}. */
        public Builder type(String from, String to) {
            return type(ColumnType.of(from), ColumnType.of(to));
        }

        public Builder type(Change<ColumnType> change) {
            type = change;
            return this;
        }

        public Builder using(String expression) {
            using = expression;
            return this;
        }

        /**
         * Lets the type change cut or round values that do not fit the new type (PostgreSQL's explicit cast),
         * instead of stopping when a row holds one: the migration author's explicit choice to lose data.
         */
        public Builder allowLoss() {
            allowLoss = true;
            return this;
        }

        public Builder nullable(boolean from, boolean to) {
            nullable = from == to ? null : Change.of(from, to);
            return this;
        }

        public Builder nullable(boolean to) {
            nullable = Change.of(!to, to);
            return this;
        }

        public Builder defaultValue(Default from, Default to) {
            defaultValue = Objects.equals(from, to) ? null : Change.of(from, to);
            return this;
        }

        /** The server default before and after as SQL expressions, {@code null} for none. */
        public Builder defaultValue(String from, String to) {
            return defaultValue(from == null ? null : Default.of(from), to == null ? null : Default.of(to));
        }

        public Builder defaultValue(Change<Default> change) {
            defaultValue = change;
            return this;
        }

        public Builder identity(Identity from, Identity to) {
            identity = Objects.equals(from, to) ? null : Change.of(from, to);
            return this;
        }

        public Builder identity(Change<Identity> change) {
            identity = change;
            return this;
        }

        public Builder comment(String from, String to) {
            comment = Objects.equals(from, to) ? null : Change.of(from, to);
            return this;
        }

        public Builder comment(Change<String> change) {
            comment = change;
            return this;
        }

        /**
         * The collation before and after ({@code null}: the type's default), for a column of type {@code type}
         * (its type before any type change). Collations are compared as the server stores their names.
         */
        public Builder collation(String from, String to, ColumnType type) {
            collation = Objects.equals(from, to) ? null : Change.of(from, to);
            collationType = type;
            if (collation == null && from != null) {
                collation = Change.of(from, to); // kept: restated if the type changes, dropped in build() if not
            }
            return this;
        }

        /** As {@link #collation(String, String, ColumnType)}, the type as SQL text. */
        public Builder collation(String from, String to, String type) {
            return collation(from, to, ColumnType.of(type));
        }

        /**
         * The collation before and after; the type must be given too ({@code type(t, t)} when it stays), since
         * PostgreSQL sets a collation with the type.
         */
        public Builder collation(String from, String to) {
            collation = Change.of(from, to);
            return this;
        }

        public Builder collation(Change<String> change) {
            collation = change;
            return this;
        }

        /**
         * The whole column before and after, for a database that restates a column to change it (MariaDB's
         * {@code MODIFY COLUMN}); PostgreSQL does not need it.
         */
        public Builder restating(Column from, Column to) {
            restated = Change.of(from, to);
            return this;
        }

        /** The alteration, or {@code null} when nothing differs. */
        public AlterColumn build() {
            Change<String> k = collation;
            Change<ColumnType> t = type;
            boolean collationKept = k != null && k.fromKnown() && Objects.equals(k.from(), k.to());
            if (collationKept && t == null) {
                k = null; // nothing to restate: the type stays
            } else if (k != null && !collationKept && t == null && collationType != null) {
                t = Change.of(collationType, collationType);
            }
            if (t == null && nullable == null && defaultValue == null && identity == null && comment == null
                    && k == null) {
                return null;
            }
            return new AlterColumn(table, column, t, nullable, defaultValue, identity, comment, using, allowLoss, k,
                    restated);
        }
    }
}
