package dev.retort.diff;

import dev.retort.op.CreateSchema;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the comparators' operations and warnings, then lays the operations out in an order that applies:
 * a topological order of the dependency graph between them ({@link Footprint}), where the {@link Phase}
 * only breaks ties. So a foreign key is dropped before the key it references even when its table is dropped
 * and the key only changes, and is added after that key, whatever phases the two belong to. The downgrade,
 * each operation's reverse in reverse order, then applies too: reversing turns every creation into a removal
 * and keeps every dependency, so the reversed order is a topological order of the reversed plan.
 */
final class Plan {

    private final Map<Phase, List<Operation>> byPhase = new EnumMap<>(Phase.class);
    /** Each operation's footprint, computed once: {@link #keys()} and {@link #toDiff()} both need them. */
    private final Map<Operation, Footprint> footprints = new IdentityHashMap<>();
    private final List<Warning> warnings = new ArrayList<>();
    private int unsupported;
    /** The working schema's name (its objects' operations are not wrapped, their keys not qualified). */
    private final String working;
    /** The schema being compared, {@code null} for the working one: what {@link #add} wraps operations in. */
    private String current;

    Plan() {
        this(null);
    }

    Plan(String working) {
        this.working = working;
    }

    /** Operations added from now on are on objects of {@code schema} ({@code null} or the working one: unwrapped). */
    void inSchema(String schema) {
        current = schema == null || schema.equals(working) ? null : schema;
    }

    String currentSchema() {
        return current;
    }

    void add(Phase phase, Operation operation) {
        Operation op = current == null || operation instanceof InSchema || operation instanceof CreateSchema
                ? operation : new InSchema(current, operation);
        byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(op);
    }

    /** {@code key} (a {@link Footprint} key of the schema being compared) as the plan's footprints spell it. */
    String qualified(String key) {
        return Footprint.qualified(key, current, working);
    }

    /** {@code operation}'s footprint as an operation of the schema being compared. */
    Footprint footprintHere(Operation operation) {
        return Footprint.of(current == null ? operation : new InSchema(current, operation), working);
    }

    void warn(Warning.Kind kind, String table, String column, String message) {
        warnings.add(new Warning(kind, table == null || current == null ? table : current + "." + table, column,
                message));
    }

    /** A difference no operation expresses: warned about, and counted so {@code check} still fails. */
    void unsupported(String table, String column, String message) {
        warn(Warning.Kind.UNSUPPORTED, table, column, message);
        unsupported++;
    }

    /** The object keys ({@link Footprint}) the operations collected so far remove, and those they touch at all. */
    Keys keys() {
        Set<String> removed = new TreeSet<>();
        Set<String> touched = new TreeSet<>();
        for (List<Operation> operations : byPhase.values()) {
            for (Operation operation : operations) {
                Footprint f = footprint(operation);
                removed.addAll(f.removes());
                touched.addAll(f.removes());
                touched.addAll(f.creates());
            }
        }
        return new Keys(removed, touched);
    }

    record Keys(Set<String> removed, Set<String> touched) {
    }

    Diff toDiff() {
        List<Operation> byPriority = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            byPriority.addAll(byPhase.getOrDefault(phase, List.of()));
        }
        return new Diff(dependencyOrder(byPriority), warnings, unsupported);
    }

    /**
     * Kahn's algorithm over the dependency edges, always taking the ready operation that comes first in
     * {@code operations}; a cycle (which the comparators avoid) is broken at its earliest operation. Linear
     * in the operations and the keys they share, so a baseline of thousands of tables sorts in milliseconds.
     */
    private List<Operation> dependencyOrder(List<Operation> operations) {
        int n = operations.size();
        List<Footprint> footprints = new ArrayList<>(n);
        Map<String, List<Integer>> creators = new HashMap<>();
        Map<String, List<Integer>> removers = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Footprint f = footprint(operations.get(i));
            footprints.add(f);
            for (String key : f.creates()) {
                creators.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            for (String key : f.removes()) {
                removers.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> after = new ArrayList<>(n);
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            after.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Footprint f = footprints.get(i);
            for (String key : f.requires()) {
                for (int creator : creators.getOrDefault(key, List.of())) {
                    edge(creator, i, after, waiting);
                }
            }
            for (String key : f.releases()) {
                for (int remover : removers.getOrDefault(key, List.of())) {
                    edge(i, remover, after, waiting);
                }
            }
            for (String key : f.removes()) {
                for (int creator : creators.getOrDefault(key, List.of())) {
                    edge(i, creator, after, waiting);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        boolean[] done = new boolean[n];
        List<Operation> out = new ArrayList<>(n);
        int next = 0;
        while (out.size() < n) {
            Integer i = ready.poll();
            if (i == null) {
                while (done[next]) {
                    next++;
                }
                i = next;
            }
            done[i] = true;
            out.add(operations.get(i));
            for (int j : after.get(i)) {
                if (--waiting[j] == 0 && !done[j]) {
                    ready.add(j);
                }
            }
        }
        return out;
    }

    private Footprint footprint(Operation operation) {
        return footprints.computeIfAbsent(operation, op -> Footprint.of(op, working));
    }

    private static void edge(int from, int to, List<List<Integer>> after, int[] waiting) {
        if (from != to) {
            after.get(from).add(to);
            waiting[to]++;
        }
    }
}
