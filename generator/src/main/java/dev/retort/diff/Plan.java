package dev.retort.diff;

import dev.retort.op.Operation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects the comparators' operations by {@link Phase} and warnings, then lays them out in order. */
final class Plan {

    private final Map<Phase, List<Operation>> byPhase = new EnumMap<>(Phase.class);
    private final List<Warning> warnings = new ArrayList<>();
    private int unsupported;

    void add(Phase phase, Operation operation) {
        byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(operation);
    }

    void warn(Warning.Kind kind, String table, String column, String message) {
        warnings.add(new Warning(kind, table, column, message));
    }

    /** A difference no operation expresses: warned about, and counted so {@code check} still fails. */
    void unsupported(String table, String column, String message) {
        warn(Warning.Kind.UNSUPPORTED, table, column, message);
        unsupported++;
    }

    Diff toDiff() {
        List<Operation> ordered = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            ordered.addAll(byPhase.getOrDefault(phase, List.of()));
        }
        return new Diff(ordered, warnings, unsupported);
    }
}
