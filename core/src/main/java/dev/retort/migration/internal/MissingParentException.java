package dev.retort.migration.internal;

/** A migration names a parent revision that no migration declares. */
public class MissingParentException extends RevisionGraphException {

    public MissingParentException(LoadedRevision loaded, String parent) {
        super("Revision " + loaded.id() + " in " + loaded.source() + " names parent " + parent
                + ", but no migration declares revision " + parent
                + ". Restore the missing migration or correct the parent.");
    }
}
