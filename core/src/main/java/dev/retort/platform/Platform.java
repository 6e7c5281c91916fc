package dev.retort.platform;

import dev.retort.InertText;
import dev.retort.RetortException;
import dev.retort.ddl.Dialect;
import dev.retort.platform.mariadb.MariaDbPlatform;
import dev.retort.platform.postgres.PostgresPlatform;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Everything the runtime must know about one database product, in one place: its DDL ({@link #dialect()}), the
 * catalog questions about Retort's own tables, the migration lock, and what its errors mean. Chosen once from the
 * JDBC URL ({@link #forUrl}); the runner depends on this interface only. (The generator's catalog reader and
 * comparison rules join it as the seam grows.)
 */
public interface Platform {

    /** The product's name for messages, e.g. {@code PostgreSQL}. */
    String name();

    /** The DDL writer for the operations. */
    Dialect dialect();

    /** The schema unqualified names resolve to, or {@code null} when the connection has none. */
    String currentSchema(Connection connection) throws SQLException;

    /**
     * The columns and types of {@code table} in the current schema, or {@code null} when there is no such table; a
     * relation that is not an ordinary table maps {@code "(relkind)"} to its kind.
     */
    Map<String, String> tableColumns(Connection connection, String table) throws SQLException;

    /** Whether a column type (as {@link #tableColumns} spells it) holds text: what a version table's column must. */
    boolean isTextual(String type);

    /** The longest name the product keeps, in bytes; a longer one is cut or refused. */
    int maxIdentifierBytes();

    /** The statement that creates the revision history table {@code quotedName} if it is missing. */
    String createHistoryTable(String quotedName, int revisionLength);

    /** Takes the migration lock {@code key} if it is free; {@code false} when another session holds it. */
    boolean tryMigrationLock(Connection connection, long key) throws SQLException;

    /** Waits for the migration lock {@code key}. */
    void migrationLock(Connection connection, long key) throws SQLException;

    void releaseMigrationLock(Connection connection, long key) throws SQLException;

    /** Whether {@code e} says a statement gave up waiting for a lock (a lock timeout). */
    boolean isLockTimeout(SQLException e);

    /**
     * The other sessions holding a lock on {@code table} (as SQL names it), one line each, at most five: never
     * their queries. Empty when unknown.
     */
    List<String> lockHolders(Connection connection, String table);

    /**
     * The table of the index {@code name} in the current schema when that index is left unusable by an interrupted
     * or failed online build (PostgreSQL's INVALID), else {@code null}.
     */
    String invalidIndexTable(Connection connection, String name) throws SQLException;

    /** Whether {@code e} says the object a statement creates exists already. */
    boolean isDuplicateObject(SQLException e);

    /** Whether the database has the schema {@code schema}. */
    boolean schemaExists(Connection connection, String schema) throws SQLException;

    /** The statement that makes {@code schema} the connection's working schema (Retort's tables live there). */
    String useSchema(String schema);

    /** How an offline script starts and ends one revision's transaction, e.g. {@code BEGIN} and {@code COMMIT}. */
    String scriptBegin();

    String scriptCommit();

    /** What to do about a failure this product explains by its error code (too many locks, ...), or {@code null}. */
    String adviceFor(SQLException e);

    /**
     * How to see what the session {@code holder} (a line of {@link #lockHolders}) is doing and end it, as a clause:
     * {@code See what it is doing (...), end it if it is stuck (...)}.
     */
    String sessionAdvice(String holder);

    /**
     * Whether DDL runs inside a transaction and rolls back with it (PostgreSQL). Where it does not (MariaDB and
     * MySQL commit before and after every DDL statement), a revision cannot be one transaction: the runner records
     * its progress in {@code <version table>_progress} instead, statement by statement.
     */
    default boolean transactionalDdl() {
        return true;
    }

    /**
     * The statement that makes lock waits give up after {@code timeout}: for the transaction only
     * ({@code transactionScoped}, where the product has that) or for the session.
     */
    String setLockTimeout(java.time.Duration timeout, boolean transactionScoped);

    /** The statement that gives the session back the server's default lock timeout (in an offline script). */
    String resetLockTimeout();

    /** The session's lock timeout as it stands, to give back after a revision set its own. */
    String lockTimeoutSetting(Connection connection) throws SQLException;

    /** Gives the session back the lock timeout {@link #lockTimeoutSetting} read. */
    void restoreLockTimeout(Connection connection, String setting) throws SQLException;

    /**
     * The statement that creates the progress table {@code quotedName} if it is missing: on a platform without
     * transactional DDL, the record of a revision that is running or failed half way.
     */
    String createProgressTable(String quotedName, int revisionLength);

    /** PostgreSQL. */
    static Platform postgres() {
        return PostgresPlatform.INSTANCE;
    }

    /** MariaDB (10.6 and later). */
    static Platform mariadb() {
        return MariaDbPlatform.INSTANCE;
    }

    /** The platform for a JDBC URL; refuses a database Retort does not support, naming it. */
    static Platform forUrl(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.startsWith("jdbc:postgresql:")) {
            return postgres();
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            return mariadb();
        }
        String product = jdbcUrl.startsWith("jdbc:mysql:") ? "MySQL" : jdbcUrl.startsWith("jdbc:h2:") ? "H2" : null;
        String shown = InertText.line(jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***"));
        throw new RetortException("Retort works with PostgreSQL and MariaDB; " + (product == null ? "the database at "
                + shown : product + " (" + shown + ")") + " is not supported yet. Give a jdbc:postgresql:// or "
                + "jdbc:mariadb:// URL.");
    }
}
