package dev.retort.migration;

/** A migration names a parent revision that no migration declares. */
public class MissingParentException extends RevisionGraphException {

    public MissingParentException(MigrationScript script, String parent) {
        super("Revision " + script.id() + " in " + script.source() + " names parent " + parent
                + ", but no migration declares revision " + parent
                + ". Restore the missing migration or correct the parent.");
    }
}
