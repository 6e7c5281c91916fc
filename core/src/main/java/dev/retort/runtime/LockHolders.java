package dev.retort.runtime;

import dev.retort.InertText;
import dev.retort.ddl.Dialect;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.ExecuteSql;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.SetTableComment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who held the lock a statement gave up waiting for ({@code lock_timeout}, SQLSTATE 55P03): the other sessions that
 * hold a granted lock on the statement's table, which are the ones {@code pg_blocking_pids} named while it waited.
 * Asked after the failed statement's transaction is rolled back, on the same connection. Only a session's pid, user,
 * application, state and transaction age are shown, never its query, which may hold data.
 */
final class LockHolders {

    private static final Pattern SQL_TABLE = Pattern.compile("(?is)\\b(?:ALTER\\s+TABLE(?:\\s+ONLY)?(?:\\s+IF\\s+EXISTS)?"
            + "|LOCK(?:\\s+TABLE)?(?:\\s+ONLY)?|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+"
            + "EXISTS\\s+)?(?:\\S+\\s+)?ON(?:\\s+ONLY)?|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?|UPDATE(?:\\s+ONLY)?"
            + "|DELETE\\s+FROM(?:\\s+ONLY)?|INSERT\\s+INTO|TRUNCATE(?:\\s+TABLE)?(?:\\s+ONLY)?)\\s+"
            + "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)");

    private LockHolders() {
    }

    /** The table {@code operation} locks, as SQL text {@code to_regclass} reads, or {@code null} when unknown. */
    static String table(Operation operation, String sql, Dialect dialect) {
        if (operation instanceof InSchema in) {
            String inner = table(in.operation(), sql, dialect);
            return inner == null || in.operation() instanceof ExecuteSql ? inner : dialect.quote(in.schema()) + "." + inner;
        }
        String name = null;
        if (operation instanceof AddColumn op) {
            name = op.table();
        } else if (operation instanceof AlterColumn op) {
            name = op.table();
        } else if (operation instanceof DropColumn op) {
            name = op.table();
        } else if (operation instanceof RenameColumn op) {
            name = op.table();
        } else if (operation instanceof CreateIndex op) {
            name = op.table();
        } else if (operation instanceof DropIndex op) {
            name = op.table();
        } else if (operation instanceof AddConstraint op) {
            name = op.table();
        } else if (operation instanceof DropConstraint op) {
            name = op.table();
        } else if (operation instanceof SetTableComment op) {
            name = op.table();
        } else if (operation instanceof DropTable op) {
            name = op.name();
        } else if (operation instanceof RenameTable op) {
            name = op.from();
        }
        if (name != null) {
            return dialect.quote(name);
        }
        if (sql != null) {
            Matcher m = SQL_TABLE.matcher(sql);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** One line per session holding a lock on {@code table} (at most five), or none. */
    static List<String> describe(Connection connection, String table) {
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
