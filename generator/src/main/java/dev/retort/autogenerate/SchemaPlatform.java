package dev.retort.autogenerate;

import dev.retort.autogenerate.mariadb.MariaDbSchemaPlatform;
import dev.retort.autogenerate.postgres.PostgresSchemaPlatform;
import dev.retort.catalog.Catalog;
import dev.retort.catalog.CatalogFilter;
import dev.retort.catalog.CatalogReader;
import dev.retort.diff.ComparisonDialect;
import dev.retort.diff.Diff;
import dev.retort.diff.ServerSpellings;
import dev.retort.diff.Warning;
import dev.retort.hibernate.HibernateTarget;
import dev.retort.op.Operation;
import dev.retort.platform.Platform;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Everything autogenerate must know about one database product, beside what the runtime knows ({@link #runtime()}):
 * how Hibernate's DDL is built for it and how it names things, how its catalog is read, how it spells types,
 * defaults and expressions and names what the DDL leaves unnamed, and what its data can say about a change before
 * it runs. Chosen once from the JDBC URL ({@link #forUrl}); the comparator, the writer and the command line depend
 * on this interface only, and each implementation keeps its product's classes in its own package.
 */
public interface SchemaPlatform {

    /** The runtime side: DDL, migration lock, Retort's own tables. */
    Platform runtime();

    /** The database Hibernate's DDL is built for, offline. */
    HibernateTarget hibernate();

    /** Reads the catalog, leaving out what {@code filter} excludes. */
    CatalogReader catalogReader(CatalogFilter filter);

    /**
     * Asks the database how it spells what the rules alone cannot settle between {@code desired} and {@code actual}
     * (its state is left as found); {@link ServerSpellings#unavailable()} says why it could not be asked.
     */
    ServerSpellings spellings(Connection connection, Schema desired, Schema actual) throws SQLException;

    /** The comparator's questions answered: the database's own {@code spellings} first, the product's rules after. */
    ComparisonDialect comparison(ServerSpellings spellings);

    /** The rules alone ({@link ServerSpellings#NONE}). */
    default ComparisonDialect comparison() {
        return comparison(ServerSpellings.NONE);
    }

    /**
     * {@code diff} with what its downgrades re-create (checks, index predicates) in the text the database will store
     * exactly as it stores it now, where the database can be asked; else {@code diff} as it is.
     */
    Diff restorableSpelling(Connection connection, Diff diff) throws SQLException;

    /** The reviewer's warnings about what {@code catalog} holds but the database does not enforce or use. */
    List<Warning> unenforced(Catalog catalog);

    /**
     * The warning for a diff compared by the rules alone because the database could not be asked how it spells
     * ({@code why}), saying how to give the connection's role what it takes.
     */
    Warning rulesOnly(Connection connection, String why) throws SQLException;

    /**
     * What the data says about {@code operations} before they run (rows a NOT NULL or a narrower type would
     * refuse, large tables), each check bounded by {@code timeout}; the connection's state is left as found.
     */
    List<Warning> dataWarnings(Connection connection, List<Operation> operations, Duration timeout) throws SQLException;

    /**
     * The entities' schema as this database keeps it, where it folds two things the model tells apart into one
     * (MariaDB: a unique index is its unique constraint); as it is by default.
     */
    default Schema desired(Schema schema) {
        return schema;
    }

    /** The platform for a JDBC URL; refuses a database Retort does not support, naming it. */
    static SchemaPlatform forUrl(String jdbcUrl) {
        return of(Platform.forUrl(jdbcUrl));
    }

    /** The schema side of the runtime platform {@code runtime}. */
    static SchemaPlatform of(Platform runtime) {
        if (runtime == Platform.postgres()) {
            return PostgresSchemaPlatform.INSTANCE;
        }
        if (runtime == Platform.mariadb()) {
            return MariaDbSchemaPlatform.INSTANCE;
        }
        throw new IllegalArgumentException("No schema platform for " + runtime.name());
    }
}
