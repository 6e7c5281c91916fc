package dev.retort.ddl;

import dev.retort.op.Operation;
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

    /**
     * The leading words of the first statement in {@code sql} that ends the transaction it runs in
     * ({@code COMMIT}, {@code ROLLBACK}), or {@code null} when none does.
     */
    String transactionEnd(String sql);

    /**
     * Why {@code sql}, written into an offline script, would make the database's command-line client do
     * something other than run it (a meta-command, a variable, a quote that never closes), or {@code null}.
     */
    String scriptHazard(String sql);

    /** {@code text} as a one-line comment the script's reader ignores, whatever the text holds. */
    default String comment(String text) {
        return "-- " + dev.retort.InertText.line(text);
    }
}
