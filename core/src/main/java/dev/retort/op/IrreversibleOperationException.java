package dev.retort.op;

import dev.retort.RetortException;

/** Thrown by {@link Operation#reverse()} when an operation does not carry what it would take to undo it. */
public class IrreversibleOperationException extends RetortException {

    private final transient Operation operation;

    public IrreversibleOperationException(Operation operation, String reason) {
        super("Cannot reverse '" + operation.describe() + "': " + reason);
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }
}
