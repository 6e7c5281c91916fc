package dev.retort.hibernate;

import dev.retort.RetortException;

/**
 * The entities could not be turned into a schema: no entity found, a class that does not load, a mapping
 * Hibernate rejects, or a mapping Retort cannot represent yet. The message names the culprit and what to do.
 */
public class EntityMappingException extends RetortException {

    private final String culprit;

    public EntityMappingException(String culprit, String message) {
        super(message);
        this.culprit = culprit;
    }

    public EntityMappingException(String culprit, String message, Throwable cause) {
        super(message, cause);
        this.culprit = culprit;
    }

    /** The entity, class, package or table the problem is about. */
    public String culprit() {
        return culprit;
    }
}
