package dev.retort.runtime;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what a user types as a target into revision ids: {@code head}, {@code heads}, {@code base},
 * {@code label@head}, a full id, a unique prefix, a branch label, and relative steps {@code +N}, {@code -N},
 * {@code REV+N}, {@code REV-N}. An empty result means base.
 */
final class Targets {

    private static final Pattern RELATIVE = Pattern.compile("^(.*?)([+-])(\\d+)$");

    private final RevisionGraph graph;

    Targets(RevisionGraph graph) {
        this.graph = graph;
    }

    /** The revisions {@code target} names, relative steps counted from {@code current}. */
    Set<String> resolve(String target, List<String> current) {
        String t = target.strip();
        switch (t) {
            case "heads":
                return ids(graph.heads());
            case "head":
                return Set.of(graph.head().id());
            case "base":
                return Set.of();
            default:
                break;
        }
        if (t.endsWith("@head")) {
            return Set.of(graph.branchHead(t.substring(0, t.length() - "@head".length())).id());
        }
        Matcher relative = RELATIVE.matcher(t);
        if (relative.matches()) {
            int steps = Integer.parseInt(relative.group(3));
            List<String> from = relative.group(1).isEmpty() ? current : List.copyOf(resolve(relative.group(1), current));
            return relative.group(2).equals("+") ? up(t, from, steps) : down(t, from, steps);
        }
        return Set.of(graph.resolve(t).id());
    }

    /**
     * For {@code REV-N} with an explicit {@code REV}, that revision: the downgrade then undoes only what lies
     * between it and the target, leaving other branches applied. {@code null} for any other target.
     */
    String downgradeAnchor(String target, List<String> current) {
        Matcher relative = RELATIVE.matcher(target.strip());
        if (!relative.matches() || relative.group(1).isEmpty() || !relative.group(2).equals("-")) {
            return null;
        }
        Set<String> anchor = resolve(relative.group(1), current);
        return anchor.size() == 1 ? anchor.iterator().next() : null;
    }

    private Set<String> up(String target, List<String> from, int steps) {
        String at = single(target, from, true);
        for (int i = 0; i < steps; i++) {
            List<LoadedRevision> next = at == null ? graph.bases() : graph.children(at);
            if (next.isEmpty()) {
                throw new DatabaseStateException("Relative target " + target + " goes past the head: only " + i
                        + " revision(s) lie above " + (at == null ? "base" : at) + ".");
            }
            if (next.size() > 1) {
                throw new DatabaseStateException("Relative target " + target + " is ambiguous: "
                        + (at == null ? "base" : at) + " is followed by " + String.join(", ", names(next))
                        + ". Name the revision to go to instead.");
            }
            at = next.get(0).id();
        }
        return at == null ? Set.of() : Set.of(at);
    }

    /** Steps down through parents; undoing a merge lands on all its parents, which ends the walk. */
    private Set<String> down(String target, List<String> from, int steps) {
        String first = single(target, from, false);
        List<String> at = first == null ? List.of() : List.of(first);
        for (int i = 0; i < steps; i++) {
            if (at.isEmpty()) {
                throw new DatabaseStateException("Cannot go " + target + ": that is below base; only " + i
                        + " revision(s) lie between " + String.join(", ", from) + " and base.");
            }
            if (at.size() > 1) {
                throw new DatabaseStateException("Relative target " + target + " is ambiguous: below the merge of "
                        + String.join(", ", at) + " the history splits. Name the revision to go to instead.");
            }
            at = graph.get(at.get(0)).parents();
        }
        return new LinkedHashSet<>(at);
    }

    private String single(String target, List<String> from, boolean allowBase) {
        if (from.size() > 1) {
            throw new DatabaseStateException("Relative target " + target + " needs a single starting revision, "
                    + "but there are several: " + String.join(", ", from) + ". Name the revision to go to instead.");
        }
        if (from.isEmpty() && !allowBase) {
            throw new DatabaseStateException("Cannot go " + target + ": that is below base; the database is at base.");
        }
        return from.isEmpty() ? null : from.get(0);
    }

    private static Set<String> ids(List<LoadedRevision> loadedRevisions) {
        Set<String> out = new LinkedHashSet<>();
        loadedRevisions.forEach(s -> out.add(s.id()));
        return out;
    }

    private static List<String> names(List<LoadedRevision> loadedRevisions) {
        List<String> out = new ArrayList<>();
        loadedRevisions.forEach(s -> out.add(s.id()));
        return out;
    }
}
