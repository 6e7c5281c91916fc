package dev.retort.render;

import dev.retort.diff.Diff;
import dev.retort.diff.Warning;
import dev.retort.op.AddConstraint;
import dev.retort.op.CreateIndex;
import dev.retort.op.InSchema;
import dev.retort.op.IrreversibleOperationException;
import dev.retort.op.Operation;
import dev.retort.op.ValidateConstraint;
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
        return write(diff, packageName, revisionId, parents, message, created, true, List.of(), List.of());
    }

    /**
     * The same, for a revision that runs {@code transactional} or not, with operations both its methods start
     * and end with ({@code before}, {@code after}: an online revision's lock_timeout).
     */
    public MigrationSource write(Diff diff, String packageName, String revisionId, List<String> parents,
                                 String message, Instant created, boolean transactional, List<Operation> before,
                                 List<Operation> after) {
        List<String> up = framed(upgrade(diff), before, after);
        List<String> down = framed(downgrade(diff.operations()), before, after);
        return new MigrationSource(packageName, revisionId, parents, message, created, up, down, transactional);
    }

    private List<String> framed(List<String> body, List<Operation> before, List<Operation> after) {
        if (before.isEmpty() && after.isEmpty()) {
            return body;
        }
        List<String> lines = new ArrayList<>();
        before.forEach(o -> lines.add(o.accept(code)));
        lines.addAll(body.size() == 1 && body.get(0).equals("// Nothing to do.") ? List.of() : body);
        after.forEach(o -> lines.add(o.accept(code)));
        return lines;
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

    /** An index the next operation turns into a constraint ({@code ADD CONSTRAINT ... USING INDEX}). */
    private static boolean madeIntoConstraint(List<Operation> operations, int i) {
        return unwrapped(operations.get(i)) instanceof CreateIndex c && i + 1 < operations.size()
                && unwrapped(operations.get(i + 1)) instanceof AddConstraint a && c.index().name() != null
                && c.index().name().equals(a.usingIndex());
    }

    /** The operation an {@code op.schema(...)} wrapper carries, or the operation itself. */
    private static Operation unwrapped(Operation operation) {
        return operation instanceof InSchema in ? in.operation() : operation;
    }

    List<String> downgrade(List<Operation> operations) {
        List<String> lines = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            Operation operation = operations.get(i);
            if (unwrapped(operation) instanceof ValidateConstraint || madeIntoConstraint(operations, i)) {
                continue; // nothing to undo; or dropping the constraint made from the index drops the index
            }
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
