package dev.retort.diff;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.SequenceOptions;
import java.util.List;

/**
 * The questions the comparator cannot answer without knowing the database: whether two spellings mean the
 * same type, default or expression, what the database calls a constraint left unnamed, and which option
 * values it uses by default.
 */
public interface ComparisonDialect {

    boolean sameType(ColumnType desired, ColumnType actual);

    /** Whether the server defaults of {@code column} (the desired column, for its type) are the same. */
    boolean sameDefault(Column column, Default desired, Default actual);

    /** Whether two check constraint expressions on {@code table} are the same. */
    boolean sameCheck(String table, String desired, String actual);

    /** Whether two generation expressions of a stored generated column of {@code table} are the same. */
    boolean sameGenerated(String table, String desired, String actual);

    /** Whether the query of view {@code view} is the same as the server's text of it. */
    boolean sameView(String view, String desired, String actual);

    /** Whether two index expressions or partial-index predicates are the same. */
    boolean sameExpression(String desired, String actual);

    /** Whether changing a column from {@code from} to {@code to} may lose data or fail. */
    TypeChange typeChange(ColumnType from, ColumnType to);

    /** The name the database gives an unnamed primary key of {@code table}. */
    String primaryKeyName(String table);

    /** The name the database gives an unnamed unique constraint over {@code columns}. */
    String uniqueName(String table, List<String> columns);

    /** The name the database gives an unnamed foreign key over {@code columns}. */
    String foreignKeyName(String table, List<String> columns);

    /** The name the database gives an unnamed check constraint on {@code table} over {@code expression}. */
    String checkName(String table, String expression, List<String> columns);

    /**
     * Whether a sequence of data type {@code desired} is one of {@code actual} (as the catalog spells it; {@code null}
     * when the catalog names none, which means the database's default sequence type).
     */
    boolean sameSequenceType(String desired, String actual);

    /** {@code options} with every unset field replaced by the database's default for a {@code dataType} sequence. */
    SequenceOptions withDefaults(SequenceOptions options, String dataType);

    /** The risk of a type change. */
    /**
     * Whether the database changes a column by restating all of it (MariaDB's {@code MODIFY COLUMN}), so an
     * alteration must carry the column before and after ({@code AlterColumn.restating}).
     */
    default boolean restatesColumns() {
        return false;
    }

    enum TypeChange { WIDENING, NARROWING, CONVERSION }
}
