package dev.retort.hibernate;

import java.util.Map;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.mapping.Column;

/**
 * The database Hibernate's DDL is built for, offline: the dialect and version settings Hibernate is given in place
 * of a connection, and how that database names what Hibernate's DDL names (case folding, quoting, length). One per
 * database, which its platform gives ({@code SchemaPlatform.hibernate()}).
 */
public interface HibernateTarget {

    /**
     * What sets this target apart in the entity schema cache's key, e.g. {@code postgresql-15}: two targets whose
     * DDL may differ never share an entry.
     */
    String id();

    /** The Hibernate settings (dialect, database name and version) that stand in for a connection's metadata. */
    Map<String, String> dialectSettings();

    /** The name the database gives an object Hibernate names by {@code identifier}. */
    String name(Identifier identifier);

    /** The name the database gives {@code column}. */
    String name(Column column);

    /**
     * The name the database gives a name Hibernate writes into the DDL verbatim (constraint and index names, and
     * names inside a {@code columnDefinition}): quoted names keep their text, others are folded.
     */
    String verbatim(String name);
}
