package dev.retort.render;

import dev.retort.diff.Diff;
import dev.retort.diff.Warning;
import dev.retort.op.IrreversibleOperationException;
import dev.retort.op.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Diff} as a migration class: {@code upgrade} holds the operations, one call per line, under
 * the warnings a reviewer must read; {@code downgrade} holds their reverses in reverse order. Where an
 * operation cannot be reversed, the downgrade says why and throws there: it never silently does nothing.
 */
public final class MigrationWriter {

    private final OperationCode code = new OperationCode();

    /** The source of the migration for {@code diff}; same arguments, same bytes. */
    public MigrationSource write(Diff diff, String packageName, String revisionId, List<String> parents,
                                 String message, Instant created) {
        return new MigrationSource(packageName, revisionId, parents, message, created, upgrade(diff),
                downgrade(diff.operations()));
    }

    private List<String> upgrade(Diff diff) {
        List<String> lines = new ArrayList<>();
        // What the development database's rows say stays on the console: another database has other rows, and
        // the file must be the same whatever the data.
        List<Warning> written = diff.warnings().stream().filter(w -> !w.kind().aboutData()).toList();
        for (Warning warning : written) {
            lines.add("// WARNING (" + warning.kind().code() + "): " + JavaText.comment(warning.message()));
        }
        if (!written.isEmpty() && !diff.operations().isEmpty()) {
            lines.add("");
        }
        for (Operation operation : diff.operations()) {
            lines.add(operation.accept(code));
        }
        if (diff.operations().isEmpty()) {
            lines.add("// Nothing to do.");
        }
        return lines;
    }

    List<String> downgrade(List<Operation> operations) {
        List<String> lines = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            Operation operation = operations.get(i);
            Operation reverse;
            try {
                reverse = operation.reverse();
            } catch (IrreversibleOperationException e) {
                lines.add("// " + JavaText.comment(e.getMessage()));
                for (int j = i - 1; j >= 0; j--) {
                    lines.add("// not reached: undo " + JavaText.comment(operations.get(j).describe()));
                }
                lines.add("throw new IrreversibleMigrationException(" + JavaText.literal(e.getMessage()) + ");");
                return lines;
            }
            lines.add(reverse.accept(code));
        }
        if (lines.isEmpty()) {
            lines.add("// Nothing to do.");
        }
        return lines;
    }
}
