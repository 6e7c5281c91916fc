package dev.retort.migration.internal;

import java.util.List;

/** A single head was needed but the graph has several. */
public class MultipleHeadsException extends RevisionGraphException {

    public MultipleHeadsException(List<LoadedRevision> heads) {
        super("There are " + heads.size() + " heads: " + String.join(", ", heads.stream()
                .map(h -> h.id() + " (" + h.source() + ")").toList())
                + ". Use 'heads' to upgrade them all, name one revision, or join them with "
                + "'retort merge heads -m \"merge\"'.");
    }
}
