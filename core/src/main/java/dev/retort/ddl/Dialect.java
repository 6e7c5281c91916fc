package dev.retort.ddl;

import dev.retort.op.Operation;
import dev.retort.schema.ColumnType;
import java.util.List;

/**
 * Turns operations into SQL for one database. A second database is a second implementation, not an
 * {@code if} in every method.
 */
public interface Dialect {

    /** The statements that carry out {@code operation}, in order. */
    List<SqlStatement> statements(Operation operation);

    /** The identifier as this database must read it: quoted only where needed, always correctly. */
    String quote(String identifier);

    /** A string literal. */
    String literal(String value);

    /** {@code sql} split into statements as the database's command-line client splits it. */
    SqlScan scan(String sql);

    /**
     * The leading words of the first statement in {@code sql} that ends the transaction it runs in
     * ({@code COMMIT}, {@code ROLLBACK}), or {@code null} when none does.
     */
    default String transactionEnd(String sql) {
        return scan(sql).transactionEnd();
    }

    /**
     * Why {@code sql}, written into an offline script, would make the database's command-line client do
     * something other than run it (a meta-command, a variable, a quote that never closes), or {@code null}.
     */
    default String scriptHazard(String sql) {
        return scan(sql).scriptHazard();
    }

    /**
     * What changing {@code column} from {@code from} (or an unknown type, {@code null}) to {@code to} would do to
     * values that do not fit, as a condition on a row; {@code null} when the change loses nothing (or the dialect
     * cannot tell).
     */
    default RowLoss rowLoss(String column, ColumnType from, ColumnType to) {
        return null;
    }

    /** {@code text} as a one-line comment the script's reader ignores, whatever the text holds. */
    default String comment(String text) {
        return "-- " + dev.retort.InertText.line(text);
    }
}
