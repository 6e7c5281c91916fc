package dev.retort.runtime;

import dev.retort.migration.Migration;
import dev.retort.migration.internal.OperationExecutor;
import dev.retort.migration.Operations;
import dev.retort.op.Operation;
import java.util.ArrayList;
import java.util.List;

/** Collects the operations a migration issues without running them, e.g. for {@code retort show}. */
public final class RecordingExecutor implements OperationExecutor {

    private final List<Operation> operations = new ArrayList<>();

    @Override
    public void execute(Operation operation) {
        operations.add(operation);
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The operations of a migration's upgrade ({@code upgrade == true}) or downgrade. */
    public static List<Operation> record(Migration migration, boolean upgrade) {
        RecordingExecutor recorder = new RecordingExecutor();
        Operations op = new Operations(recorder);
        if (upgrade) {
            migration.upgrade(op);
        } else {
            migration.downgrade(op);
        }
        return recorder.operations();
    }
}
