package dev.retort.migration.internal;

import java.util.List;

/** A revision reference (id, prefix or branch label) that matches no migration, or more than one. */
public class UnknownRevisionException extends RevisionGraphException {

    public UnknownRevisionException(String message) {
        super(message);
    }

    static UnknownRevisionException notFound(String reference) {
        return new UnknownRevisionException("No revision matches '" + reference
                + "'. Use a revision id, a unique prefix of one, a branch label, head, heads or base; "
                + "'retort history' lists the revisions.");
    }

    static UnknownRevisionException ambiguous(String reference, List<LoadedRevision> candidates) {
        return new UnknownRevisionException("Revision prefix '" + reference + "' is ambiguous: it matches "
                + String.join(", ", candidates.stream().map(LoadedRevision::id).toList())
                + ". Give more characters.");
    }
}
