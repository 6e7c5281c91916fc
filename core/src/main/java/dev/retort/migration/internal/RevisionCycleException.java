package dev.retort.migration.internal;

import java.util.List;

/** The parent links of some migrations form a cycle. */
public class RevisionCycleException extends RevisionGraphException {

    public RevisionCycleException(List<LoadedRevision> cycle) {
        super("The revisions " + String.join(" -> ", cycle.stream().map(LoadedRevision::id).toList()) + " -> "
                + cycle.get(0).id() + " form a cycle (files: "
                + String.join(", ", cycle.stream().map(LoadedRevision::source).toList())
                + "). A revision cannot descend from itself; correct the parent of one of them.");
    }
}
