package dev.retort.migration.internal;

/** A migration class that cannot be used: no {@link Revision}, a bad id, no usable constructor. */
public class InvalidMigrationException extends RevisionGraphException {

    public InvalidMigrationException(String revisionId, String source, String problem) {
        super(describe(revisionId, source) + " " + problem + ".");
    }

    public InvalidMigrationException(String revisionId, String source, String problem, Throwable cause) {
        super(describe(revisionId, source) + " " + problem + ".", cause);
    }

    private static String describe(String revisionId, String source) {
        return revisionId == null ? "Migration " + source : "Revision " + revisionId + " in " + source;
    }
}
