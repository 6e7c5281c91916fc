package dev.retort.diff;

import dev.retort.op.Operation;
import java.util.List;

/**
 * What the comparator found: the operations that turn the actual schema into the desired one, in the order
 * they must run, and the warnings a reviewer must read. {@code unsupported} counts differences Retort saw
 * but could not express as operations (each also has a warning), so {@code check} still fails on them.
 */
public record Diff(List<Operation> operations, List<Warning> warnings, int unsupported) {

    public Diff {
        operations = List.copyOf(operations);
        warnings = List.copyOf(warnings);
    }

    /** Whether the schemas agree (no operation, nothing unsupported). */
    public boolean isEmpty() {
        return operations.isEmpty() && unsupported == 0;
    }
}
