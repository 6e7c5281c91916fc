package dev.retort.runtime;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Works out which revisions to apply or undo, in which order, to get from the recorded heads to a target. */
final class Planner {

    private final RevisionGraph graph;
    private final Targets targets;

    Planner(RevisionGraph graph) {
        this.graph = graph;
        this.targets = new Targets(graph);
    }

    /** Fails unless every recorded head is a known revision. */
    void checkKnown(List<String> heads, String versionTable) {
        for (String head : heads) {
            if (!graph.contains(head)) {
                throw new DatabaseStateException("The database is stamped with revision " + head + " (in table "
                        + versionTable + "), which none of the migrations declares. Either migrations are "
                        + "missing from this checkout (check out the branch that added " + head + "), or the "
                        + "version table is wrong: 'retort stamp <revision> --purge' overwrites it.");
            }
        }
    }

    List<Step> upgrade(List<String> current, String target) {
        Set<String> applied = new HashSet<>(graph.lineage(current));
        Set<String> wanted = graph.lineage(targets.resolve(target, current));
        List<String> todo = wanted.stream().filter(id -> !applied.contains(id)).toList();
        List<Step> steps = new ArrayList<>();
        List<String> heads = current;
        for (LoadedRevision loaded : graph.sorted(todo)) {
            applied.add(loaded.id());
            List<String> next = graph.headsOf(applied);
            steps.add(new Step(loaded, true, heads, next));
            heads = next;
        }
        return steps;
    }

    List<Step> downgrade(List<String> current, String target) {
        Set<String> applied = new HashSet<>(graph.lineage(current));
        Set<String> to = targets.resolve(target, current);
        String anchor = targets.downgradeAnchor(target, current);
        Set<String> undo = new HashSet<>();
        if (anchor != null) {
            requireApplied(anchor, applied, current);
            Set<String> strip = new HashSet<>(graph.lineage(List.of(anchor)));
            strip.removeAll(graph.lineage(to));
            for (String id : strip) {
                undo.add(id);
                undo.addAll(graph.descendantsOf(id));
            }
            undo.retainAll(applied);
        } else if (to.isEmpty()) {
            undo.addAll(applied);
        }
        for (String t : anchor != null ? Set.<String>of() : to) {
            requireApplied(t, applied, current);
            graph.descendantsOf(t).stream().filter(applied::contains).forEach(undo::add);
        }
        List<LoadedRevision> order = new ArrayList<>(graph.sorted(undo));
        Collections.reverse(order);
        List<Step> steps = new ArrayList<>();
        List<String> heads = current;
        for (LoadedRevision loaded : order) {
            applied.remove(loaded.id());
            List<String> next = graph.headsOf(applied);
            steps.add(new Step(loaded, false, heads, next));
            heads = next;
        }
        return steps;
    }

    private static void requireApplied(String revision, Set<String> applied, List<String> current) {
        if (!applied.contains(revision)) {
            throw new DatabaseStateException("Cannot downgrade to " + revision + ": it is not applied (the database is at "
                    + (current.isEmpty() ? "base" : String.join(", ", current))
                    + "). Downgrade goes to an applied revision or base; use upgrade to go up.");
        }
    }

    /** The revisions {@code target} names, sorted: the heads a stamp records, or where an offline script starts. */
    List<String> resolveHeads(List<String> current, String target) {
        return targets.resolve(target, current).stream().sorted().toList();
    }
}
