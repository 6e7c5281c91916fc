package dev.retort.op;

import dev.retort.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One row of the round-trip table, written as a sentence:
 * {@code named("...").given(sql).when(operation).expect(line)}. Becomes the arguments
 * {@code (name, Setup, Operation, Expectations)} of {@link OperationRoundTripTest}.
 */
final class RoundTripCase {

    /** The starting schema: plain SQL run in autocommit, then operations applied through the dialect. */
    record Setup(List<String> sql, List<Operation> operations) {
        void applyTo(TestDatabase db) {
            if (!sql.isEmpty()) {
                db.execute(sql.toArray(String[]::new));
            }
            if (!operations.isEmpty()) {
                LiveDdl.apply(db, operations.toArray(Operation[]::new));
            }
        }
    }

    /**
     * A query returning one value, with the value expected after the operation and after its reverse
     * ({@code null}: not checked at that point). Proves that data survives an alteration.
     */
    record Probe(String query, String afterApply, String afterReverse) {
    }

    /**
     * What the operation must show. {@code lines} are prefixes of catalog lines that must appear after
     * it, {@code absent} prefixes no line may start with; {@code changesCatalog} is false only for data-only SQL.
     */
    record Expectations(boolean changesCatalog, List<String> lines, List<String> absent, List<Probe> probes) {
    }

    private final String name;
    private final List<String> sql = new ArrayList<>();
    private final List<Operation> setupOperations = new ArrayList<>();
    private Operation operation;
    private final List<String> lines = new ArrayList<>();
    private final List<String> absent = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private boolean changesCatalog = true;

    private RoundTripCase(String name) {
        this.name = name;
    }

    static RoundTripCase named(String name) {
        return new RoundTripCase(name);
    }

    RoundTripCase given(String... statements) {
        sql.addAll(List.of(statements));
        return this;
    }

    RoundTripCase givenApplied(Operation... operations) {
        setupOperations.addAll(List.of(operations));
        return this;
    }

    RoundTripCase when(Operation value) {
        operation = value;
        return this;
    }

    RoundTripCase expect(String... linePrefixes) {
        lines.addAll(List.of(linePrefixes));
        return this;
    }

    RoundTripCase expectNo(String... linePrefixes) {
        absent.addAll(List.of(linePrefixes));
        return this;
    }

    RoundTripCase probe(String query, String afterApply, String afterReverse) {
        probes.add(new Probe(query, afterApply, afterReverse));
        return this;
    }

    RoundTripCase catalogUnchanged() {
        changesCatalog = false;
        return this;
    }

    Arguments arguments() {
        Objects.requireNonNull(operation, () -> "case '" + name + "' has no operation");
        return Arguments.of(name, new Setup(List.copyOf(sql), List.copyOf(setupOperations)), operation,
                new Expectations(changesCatalog, List.copyOf(lines), List.copyOf(absent), List.copyOf(probes)));
    }
}
