package dev.retort.migration.internal;

import dev.retort.RetortException;

/** A problem with the set of migrations itself: duplicate ids, missing parents, cycles, several heads. */
public class RevisionGraphException extends RetortException {

    public RevisionGraphException(String message) {
        super(message);
    }

    public RevisionGraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
