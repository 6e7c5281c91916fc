package dev.retort.runtime;

import dev.retort.ddl.Dialect;
import dev.retort.ddl.Statement;
import dev.retort.migration.OperationExecutor;
import dev.retort.op.Operation;

/** Writes operations as SQL text for an offline script instead of running them. */
final class ScriptExecutor implements OperationExecutor {

    private final StringBuilder out;
    private final Dialect dialect;

    ScriptExecutor(StringBuilder out, Dialect dialect) {
        this.out = out;
        this.dialect = dialect;
    }

    @Override
    public void execute(Operation operation) {
        for (Statement statement : dialect.statements(operation)) {
            if (statement.transactional()) {
                line(statement.sql());
            } else {
                out.append("COMMIT;\n\n");
                line(statement.sql());
                out.append("BEGIN;\n\n");
            }
        }
    }

    void line(String sql) {
        String text = sql.strip();
        out.append(text);
        if (!text.endsWith(";")) {
            out.append(';');
        }
        out.append("\n\n");
    }
}
