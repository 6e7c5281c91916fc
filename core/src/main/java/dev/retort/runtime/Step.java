package dev.retort.runtime;

import dev.retort.migration.internal.LoadedRevision;
import java.util.List;

/** One planned move: apply or undo {@code revision}, taking the recorded heads from {@code from} to {@code to}. */
public record Step(LoadedRevision revision, boolean upgrade, List<String> from, List<String> to) {

    public Step {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
