package dev.retort.migration.internal;

/** Two migrations declare the same revision id. */
public class DuplicateRevisionException extends RevisionGraphException {

    public DuplicateRevisionException(String id, String firstSource, String secondSource) {
        super("Revision id " + id + " is declared twice: in " + firstSource + " and in " + secondSource
                + ". Give one of them a new id (and fix the parent of any revision that follows it).");
    }
}
