package dev.retort.platform.mariadb;

import dev.retort.InertText;
import dev.retort.ddl.Dialect;
import dev.retort.platform.Platform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MariaDB 10.6 and later: {@code GET_LOCK} for the migration lock, {@code information_schema} for Retort's own
 * tables, {@code lock_wait_timeout} for lock waits, 64-character names. DDL commits implicitly
 * ({@link #transactionalDdl()} is false), so the runner records each revision's progress.
 */
public final class MariaDbPlatform implements Platform {

    public static final MariaDbPlatform INSTANCE = new MariaDbPlatform();

    private static final MariaDbDialect DIALECT = new MariaDbDialect();

    /** ER_LOCK_WAIT_TIMEOUT: a row lock or a metadata lock waited longer than its timeout. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private MariaDbPlatform() {
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public Map<String, String> tableColumns(Connection connection, String table) throws SQLException {
        String sql = "SELECT t.TABLE_TYPE, c.COLUMN_NAME, c.COLUMN_TYPE FROM information_schema.TABLES t "
                + "LEFT JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA "
                + "AND c.TABLE_NAME = t.TABLE_NAME WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> columns = null;
                while (rs.next()) {
                    if (columns == null) {
                        columns = new TreeMap<>();
                    }
                    String kind = rs.getString(1);
                    if (!"BASE TABLE".equals(kind)) {
                        columns.put("(relkind)", kind);
                    } else if (rs.getString(2) != null) {
                        columns.put(rs.getString(2), rs.getString(3));
                    }
                }
                return columns;
            }
        }
    }

    @Override
    public boolean isTextual(String type) {
        return type != null && (type.startsWith("varchar(") || type.startsWith("char(") || type.endsWith("text"));
    }

    @Override
    public int maxIdentifierBytes() {
        return 64;
    }

    @Override
    public String createHistoryTable(String quotedName, int revisionLength) {
        return "CREATE TABLE IF NOT EXISTS " + quotedName + " (\n"
                + "    revision varchar(" + revisionLength + ") NOT NULL,\n"
                + "    operation varchar(16) NOT NULL,\n"
                + "    message text NOT NULL,\n"
                + "    applied_at datetime(6) NOT NULL DEFAULT current_timestamp(6),\n"
                + "    applied_by varchar(384) NOT NULL DEFAULT current_user(),\n"
                + "    execution_ms bigint\n"
                + ") ENGINE=InnoDB";
    }

    @Override
    public String createProgressTable(String quotedName, int revisionLength) {
        return "CREATE TABLE IF NOT EXISTS " + quotedName + " (\n"
                + "    revision varchar(" + revisionLength + ") NOT NULL PRIMARY KEY,\n"
                + "    operation varchar(16) NOT NULL,\n"
                + "    statements_run integer NOT NULL,\n"
                + "    running text,\n"
                + "    undo_sql text NOT NULL,\n"
                + "    failure text,\n"
                + "    started_at datetime(6) NOT NULL DEFAULT current_timestamp(6)\n"
                + ") ENGINE=InnoDB";
    }

    /** A lock name of at most 64 characters, one per schema and version table as the key says. */
    private static String lockName(long key) {
        return "retort:" + Long.toHexString(key);
    }

    @Override
    public boolean tryMigrationLock(Connection connection, long key) throws SQLException {
        return getLock(connection, key, 0);
    }

    @Override
    public void migrationLock(Connection connection, long key) throws SQLException {
        while (!getLock(connection, key, 60)) {
            // GET_LOCK waits at most its timeout; wait again, as PostgreSQL's pg_advisory_lock would
        }
    }

    private static boolean getLock(Connection connection, long key, int seconds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, lockName(key));
            ps.setInt(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public void releaseMigrationLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName(key));
            ps.execute();
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }

    /**
     * The other sessions with an open InnoDB transaction (MariaDB does not say which tables' metadata locks a
     * session holds without the METADATA_LOCK_INFO plugin), oldest first, at most five: never their queries.
     */
    @Override
    public List<String> lockHolders(Connection connection, String table) {
        List<String> holders = new ArrayList<>();
        String sql = "SELECT p.ID, p.USER, p.HOST, p.COMMAND, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) "
                + "FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p "
                + "ON p.ID = t.trx_mysql_thread_id WHERE p.ID <> CONNECTION_ID() ORDER BY t.trx_started LIMIT 5";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                holders.add("id " + rs.getLong(1) + " (user " + InertText.line(String.valueOf(rs.getString(2))) + "@"
                        + InertText.line(String.valueOf(rs.getString(3))) + ", " + InertText.line(String.valueOf(
                        rs.getString(4))) + ", transaction open " + rs.getLong(5) + " s)");
            }
        } catch (SQLException e) {
            // no privilege to see other sessions, or the connection is gone: the message stands without the list
        }
        return holders;
    }

    @Override
    public String invalidIndexTable(Connection connection, String name) {
        return null; // MariaDB builds an index completely or not at all
    }

    @Override
    public boolean isDuplicateObject(SQLException e) {
        // ER_TABLE_EXISTS_ERROR, ER_DUP_KEYNAME, ER_FK_DUP_NAME
        return e.getErrorCode() == 1050 || e.getErrorCode() == 1061 || e.getErrorCode() == 1826;
    }

    @Override
    public boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public String useSchema(String schema) {
        return "USE " + MariaDbIdentifiers.quote(schema);
    }

    @Override
    public String scriptBegin() {
        return "START TRANSACTION";
    }

    @Override
    public String scriptCommit() {
        return "COMMIT";
    }

    @Override
    public String setLockTimeout(Duration timeout, boolean transactionScoped) {
        // MariaDB has no transaction-scoped setting; the runner gives the session its own value back afterwards.
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return "SET SESSION lock_wait_timeout = " + seconds + ", SESSION innodb_lock_wait_timeout = " + seconds;
    }

    @Override
    public String resetLockTimeout() {
        return "SET SESSION lock_wait_timeout = DEFAULT, SESSION innodb_lock_wait_timeout = DEFAULT";
    }

    @Override
    public String lockTimeoutSetting(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout")) {
            rs.next();
            return rs.getLong(1) + "," + rs.getLong(2);
        }
    }

    @Override
    public void restoreLockTimeout(Connection connection, String setting) throws SQLException {
        String[] values = setting.split(",");
        try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = " + Long.parseLong(values[0])
                    + ", SESSION innodb_lock_wait_timeout = " + Long.parseLong(values[1]));
        }
    }

    @Override
    public String adviceFor(SQLException e) {
        return null;
    }

    @Override
    public String sessionAdvice(String holder) {
        String id = holder.startsWith("id ") ? holder.substring(3, holder.indexOf(' ', 3)) : "<id>";
        return "See what it is doing (SHOW FULL PROCESSLIST), end it if it is stuck (KILL " + id + ")";
    }
}
