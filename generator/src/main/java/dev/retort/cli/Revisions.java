package dev.retort.cli;

import dev.retort.InertText;
import dev.retort.RetortException;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.op.Operation;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.RecordingExecutor;
import dev.retort.runtime.RuntimeSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Formats revisions the way Alembic's {@code history}, {@code heads} and {@code current} print them. */
final class Revisions {

    private Revisions() {
    }

    /**
     * Refuses an id for a new revision that is not letters, digits and underscores, that the version table's column
     * cannot hold, or that a revision has already.
     */
    static void requireNewId(RevisionGraph graph, String id) {
        if (!id.matches("[A-Za-z0-9_]+")) {
            throw new RetortException("Revision id '" + id + "' is invalid; use letters, digits and underscores.");
        }
        if (id.length() > RuntimeSettings.MAX_REVISION_ID_LENGTH) {
            throw new RetortException("Revision id '" + id + "' has " + id.length() + " characters; the version "
                    + "table holds at most " + RuntimeSettings.MAX_REVISION_ID_LENGTH + ". Choose a shorter --rev-id.");
        }
        if (graph.contains(id)) {
            throw new RetortException("Revision id " + id + " already exists in " + graph.get(id).source()
                    + "; choose another --rev-id.");
        }
    }

    /** {@code 1a2b -> 3c4d (head), add reminders}. */
    static String line(RevisionGraph graph, LoadedRevision s) {
        String parents = s.parents().isEmpty() ? "<base>"
                : s.parents().size() == 1 ? s.parents().get(0) : "(" + String.join(", ", s.parents()) + ")";
        return parents + " -> " + s.id() + tags(graph, s) + (s.message().isEmpty() ? "" : ", " + InertText.line(s.message()));
    }

    /** {@code 3c4d (feature) (head)}. */
    static String idWithTags(RevisionGraph graph, LoadedRevision s) {
        return s.id() + tags(graph, s);
    }

    private static String tags(RevisionGraph graph, LoadedRevision s) {
        StringBuilder out = new StringBuilder();
        if (!s.branchLabels().isEmpty()) {
            out.append(" (").append(String.join(", ", s.branchLabels())).append(")");
        }
        int children = graph.children(s.id()).size();
        if (children == 0) {
            out.append(" (head)");
        }
        if (children > 1) {
            out.append(" (branchpoint)");
        }
        if (s.isMerge()) {
            out.append(" (mergepoint)");
        }
        return out.toString();
    }

    /** The multi-line form of {@code --verbose} and {@code show}. */
    static void verbose(PrintWriter out, RevisionGraph graph, LoadedRevision s) {
        verbose(out, graph, s, null);
    }

    /** {@link #verbose}, with the history's line for when the database got the revision ({@code null}: none). */
    static void verbose(PrintWriter out, RevisionGraph graph, LoadedRevision s, HistoryEntry applied) {
        out.println("Rev: " + idWithTags(graph, s));
        out.println((s.isMerge() ? "Merges: " : "Parent: ")
                + (s.parents().isEmpty() ? "<base>" : String.join(", ", s.parents())));
        List<String> children = graph.children(s.id()).stream().map(LoadedRevision::id).toList();
        if (children.size() > 1) {
            out.println("Branches into: " + String.join(", ", children));
        }
        if (!s.branchLabels().isEmpty()) {
            out.println("Branch names: " + String.join(", ", s.branchLabels()));
        }
        out.println("Path: " + s.source());
        if (!s.transactional()) {
            out.println("Transaction: none (@Revision(transactional = false)): each statement commits on its own");
        }
        if (!s.created().isEmpty()) {
            out.println("Created: " + s.created());
        }
        if (applied != null) {
            out.println("Applied: " + applied.appliedAt() + " by " + InertText.line(applied.appliedBy()) + " ("
                    + applied.operation() + (applied.executionMillis() == null ? ""
                        : ", " + applied.executionMillis() + " ms") + ")");
        }
        out.println();
        out.println("    " + (s.message().isEmpty() ? "(no message)" : InertText.line(s.message())));
        out.println();
    }

    /** The operations of a revision's upgrade and downgrade, one description per line. */
    static void operations(PrintWriter out, LoadedRevision s) {
        for (boolean upgrade : new boolean[] {true, false}) {
            out.println(upgrade ? "Upgrade:" : "Downgrade:");
            List<String> lines = new ArrayList<>();
            try {
                for (Operation op : RecordingExecutor.record(s.newInstance(), upgrade)) {
                    lines.add(InertText.line(op.describe()));
                }
            } catch (RuntimeException e) {
                lines.add("(cannot list: " + e.getMessage() + ")");
            }
            if (lines.isEmpty()) {
                lines.add("(nothing)");
            }
            lines.forEach(l -> out.println("    " + l));
        }
    }

    /** Revisions of {@code range} ({@code A:B}, {@code A:}, {@code :B}; ends inclusive), newest first. */
    static List<LoadedRevision> range(RevisionGraph graph, String range) {
        if (range == null || range.isBlank()) {
            return reversed(graph.all());
        }
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new RetortException("A revision range is FROM:TO, e.g. base:head, 1a2b: or :3c4d; got '"
                    + range + "'.");
        }
        String lower = range.substring(0, colon).strip();
        String upper = range.substring(colon + 1).strip();
        Set<String> upTo = upper.isEmpty() || upper.equals("heads") ? null
                : graph.lineage(List.of(upper.equals("head") ? graph.head().id() : graph.resolve(upper).id()));
        Set<String> from = null;
        if (!lower.isEmpty() && !lower.equals("base")) {
            String id = graph.resolve(lower).id();
            from = new HashSet<>(graph.descendantsOf(id));
            from.add(id);
        }
        Set<String> fromFinal = from;
        return reversed(graph.all().stream()
                .filter(s -> upTo == null || upTo.contains(s.id()))
                .filter(s -> fromFinal == null || fromFinal.contains(s.id()))
                .toList());
    }

    private static List<LoadedRevision> reversed(List<LoadedRevision> list) {
        List<LoadedRevision> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
