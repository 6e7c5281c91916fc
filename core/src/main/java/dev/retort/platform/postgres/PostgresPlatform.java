package dev.retort.platform.postgres;

import dev.retort.InertText;
import dev.retort.ddl.Dialect;
import dev.retort.platform.Platform;
import dev.retort.platform.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** PostgreSQL: advisory locks, {@code pg_catalog} and {@code pg_locks}, SQLSTATE 55P03, 63-byte names. */
public final class PostgresPlatform implements Platform {

    public static final PostgresPlatform INSTANCE = new PostgresPlatform();

    private static final PostgresDialect DIALECT = new PostgresDialect();

    private PostgresPlatform() {
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public Map<String, String> tableColumns(Connection connection, String table) throws SQLException {
        String sql = "SELECT c.relkind, a.attname, format_type(a.atttypid, a.atttypmod) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "WHERE n.nspname = current_schema() AND c.relname = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> columns = null;
                while (rs.next()) {
                    if (columns == null) {
                        columns = new TreeMap<>();
                    }
                    String kind = rs.getString(1);
                    if (!"r".equals(kind) && !"p".equals(kind)) {
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
        return type != null && (type.startsWith("character varying") || type.equals("text")
                || type.startsWith("character("));
    }

    @Override
    public int maxIdentifierBytes() {
        return 63; // NAMEDATALEN - 1
    }

    @Override
    public String createHistoryTable(String quotedName, int revisionLength) {
        return "CREATE TABLE IF NOT EXISTS " + quotedName + " (\n"
                + "    revision varchar(" + revisionLength + ") NOT NULL,\n"
                + "    operation varchar(16) NOT NULL,\n"
                + "    message text NOT NULL,\n"
                + "    applied_at timestamp with time zone NOT NULL DEFAULT now(),\n"
                + "    applied_by text NOT NULL DEFAULT current_user,\n"
                + "    execution_ms bigint\n"
                + ")";
    }

    @Override
    public boolean tryMigrationLock(Connection connection, long key) throws SQLException {
        return advisory(connection, "pg_try_advisory_lock", key);
    }

    @Override
    public void migrationLock(Connection connection, long key) throws SQLException {
        advisory(connection, "pg_advisory_lock", key);
    }

    @Override
    public void releaseMigrationLock(Connection connection, long key) throws SQLException {
        advisory(connection, "pg_advisory_unlock", key);
    }

    private static boolean advisory(Connection connection, String function, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return function.equals("pg_advisory_lock") || rs.getBoolean(1);
            }
        }
    }

    @Override
    public String invalidIndexTable(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT t.relname FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                WHERE c.relname = ? AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                  AND NOT i.indisvalid""")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public boolean isDuplicateObject(SQLException e) {
        return "42P07".equals(e.getSQLState());
    }

    @Override
    public boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public String useSchema(String schema) {
        return "SET search_path TO " + dev.retort.platform.postgres.PostgresIdentifiers.quote(schema) + ", public";
    }

    @Override
    public String scriptBegin() {
        return "BEGIN";
    }

    @Override
    public String scriptCommit() {
        return "COMMIT";
    }

    @Override
    public String adviceFor(SQLException e) {
        if (e.getSQLState() == null) {
            return null;
        }
        return switch (e.getSQLState()) {
            case "53200" -> "The revision takes more locks than the server's lock table holds "
                    + "(max_locks_per_transaction x max_connections): split it into several revisions (retort generate "
                    + "does so by itself for a large diff), or raise max_locks_per_transaction in postgresql.conf and "
                    + "restart the server.";
            case "55P04" -> "A value added to an enum type cannot be used before the transaction that adds it commits: "
                    + "add the value in a revision of its own, before the one that uses it (retort generate does so).";
            case "25001" -> "The statement cannot run inside a transaction block: declare the revision "
                    + "@Revision(..., transactional = false) and keep it to such statements.";
            default -> null;
        };
    }

    @Override
    public String sessionAdvice(String holder) {
        String pid = holder.startsWith("pid ") ? holder.substring(4, holder.indexOf(' ', 4)) : "<pid>";
        return "See what it is doing (SELECT state, query FROM pg_stat_activity WHERE pid = " + pid + "), end it if it "
                + "is stuck (SELECT pg_terminate_backend(" + pid + "))";
    }

    @Override
    public String setLockTimeout(java.time.Duration timeout, boolean transactionScoped) {
        return "SET " + (transactionScoped ? "LOCAL " : "") + "lock_timeout = '" + timeout.toMillis() + "ms'";
    }

    @Override
    public String resetLockTimeout() {
        return "RESET lock_timeout";
    }

    @Override
    public String lockTimeoutSetting(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('lock_timeout')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void restoreLockTimeout(Connection connection, String setting) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
            ps.setString(1, setting);
            ps.execute();
        }
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
                + "    started_at timestamp with time zone NOT NULL DEFAULT now()\n"
                + ")";
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    @Override
    public List<String> lockHolders(Connection connection, String table) {
        List<String> holders = new ArrayList<>();
        if (table == null) {
            return holders;
        }
        String sql = "SELECT a.pid, a.usename, a.application_name, a.state, "
                + "EXTRACT(EPOCH FROM now() - a.xact_start)::bigint, string_agg(DISTINCT l.mode, ', ') "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.relation = to_regclass(?) AND l.granted AND l.pid <> pg_backend_pid() "
                + "GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start "
                + "ORDER BY a.xact_start NULLS LAST LIMIT 5";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long age = rs.getLong(5);
                    boolean open = !rs.wasNull();
                    String app = rs.getString(3);
                    holders.add("pid " + rs.getInt(1) + " (user " + InertText.line(String.valueOf(rs.getString(2)))
                            + (app == null || app.isEmpty() ? "" : ", application '" + InertText.line(app) + "'")
                            + ", " + InertText.line(String.valueOf(rs.getString(4)))
                            + (open ? ", transaction open " + age + " s" : "") + ", holding "
                            + rs.getString(6) + ")");
                }
            }
        } catch (SQLException e) {
            // the connection is gone, or the table name did not parse: the message stands without the list
        }
        return holders;
    }
}
