package dev.retort.runtime;

import dev.retort.InertText;
import dev.retort.RetortException;
import dev.retort.ddl.Dialect;
import dev.retort.ddl.SqlStatement;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.OperationExecutor;
import dev.retort.op.Operation;

/**
 * Writes operations as SQL text for an offline script instead of running them. The script must do exactly
 * what the online upgrade does when psql runs it: a statement psql would read differently (a meta-command, a
 * variable, a quote that never closes) is refused, and so is one that would leave a transactional
 * revision's transaction, as the live runner refuses it.
 */
final class ScriptExecutor implements OperationExecutor {

    private final StringBuilder out;
    private final Dialect dialect;
    private LoadedRevision loaded;

    ScriptExecutor(StringBuilder out, Dialect dialect) {
        this.out = out;
        this.dialect = dialect;
    }

    /** The revision the next operations belong to. */
    void begin(LoadedRevision next) {
        this.loaded = next;
    }

    @Override
    public void execute(Operation operation) {
        for (SqlStatement statement : dialect.statements(operation)) {
            if (loaded.transactional() && !statement.transactional()) {
                throw new RetortException("PostgreSQL cannot run " + statement.sql() + " inside a transaction block, "
                        + "and the revision runs in one. Declare the revision @Revision(..., transactional = false).");
            }
            String end = loaded.transactional() ? dialect.transactionEnd(statement.sql()) : null;
            if (end != null) {
                throw new RetortException("it ends the transaction it runs in (" + end + " in op.execute), which "
                        + "would leave the revision half applied. Remove it, or declare the revision "
                        + "@Revision(..., transactional = false).");
            }
            line(statement.sql());
        }
    }

    void line(String sql) {
        String hazard = dialect.scriptHazard(sql);
        if (hazard != null) {
            throw new RetortException("psql would not run this statement as written: it holds " + hazard
                    + ". SqlStatement: " + InertText.line(sql));
        }
        String text = sql.strip();
        out.append(text);
        if (!text.endsWith(";")) {
            // A last line with a -- comment would swallow a semicolon written after it, and the next statement.
            out.append(text.substring(text.lastIndexOf('\n') + 1).contains("--") ? "\n;" : ";");
        }
        out.append("\n\n");
    }
}
