package dev.retort.testkit.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a MariaDB database's {@code CatalogSnapshot}, read from {@code information_schema} as the server
 * spells it ({@code COLUMN_TYPE} such as {@code int(11)}, defaults such as {@code current_timestamp()},
 * {@code EXTRA} such as {@code auto_increment} or {@code on update current_timestamp()}, collations, the check
 * clauses as the server stores them), and the server's databases (MariaDB's schemas).
 */
public final class MariaDbCatalogSnapshot {

    private static final String TABLES = """
            SELECT CONCAT('table ', TABLE_NAME, ' engine=', COALESCE(ENGINE, ''), ' collate=',
                   COALESCE(TABLE_COLLATION, ''), IF(TABLE_COMMENT = '', '', CONCAT(' comment=', TABLE_COMMENT)))
            FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'""";

    private static final String COLUMNS = """
            SELECT CONCAT('column ', c.TABLE_NAME, '.', c.COLUMN_NAME, ' ', c.COLUMN_TYPE,
                   IF(c.IS_NULLABLE = 'YES', ' null', ' not null'),
                   IF(c.COLUMN_DEFAULT IS NULL, '', CONCAT(' default ', c.COLUMN_DEFAULT)),
                   IF(c.EXTRA = '', '', CONCAT(' ', c.EXTRA)),
                   IF(c.COLLATION_NAME IS NULL, '', CONCAT(' collate ', c.COLLATION_NAME)),
                   IF(c.COLUMN_COMMENT = '', '', CONCAT(' comment=', c.COLUMN_COMMENT)))
            FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA
                 AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE <> 'SEQUENCE'
            WHERE c.TABLE_SCHEMA = ?""";

    private static final String KEYS = """
            SELECT CONCAT('constraint ', k.TABLE_NAME, '.', k.CONSTRAINT_NAME, ' ', k.CONSTRAINT_TYPE, ' (',
                   (SELECT GROUP_CONCAT(u.COLUMN_NAME ORDER BY u.ORDINAL_POSITION SEPARATOR ', ')
                    FROM information_schema.KEY_COLUMN_USAGE u
                    WHERE u.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND u.TABLE_NAME = k.TABLE_NAME
                      AND u.CONSTRAINT_NAME = k.CONSTRAINT_NAME), ')',
                   COALESCE((SELECT CONCAT(' REFERENCES ', r.REFERENCED_TABLE_NAME, '(',
                             (SELECT GROUP_CONCAT(u.REFERENCED_COLUMN_NAME ORDER BY u.ORDINAL_POSITION SEPARATOR ', ')
                              FROM information_schema.KEY_COLUMN_USAGE u
                              WHERE u.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND u.TABLE_NAME = k.TABLE_NAME
                                AND u.CONSTRAINT_NAME = k.CONSTRAINT_NAME), ') ON UPDATE ', r.UPDATE_RULE,
                             ' ON DELETE ', r.DELETE_RULE)
                             FROM information_schema.REFERENTIAL_CONSTRAINTS r
                             WHERE r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME
                               AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME), ''))
            FROM information_schema.TABLE_CONSTRAINTS k
            WHERE k.CONSTRAINT_SCHEMA = ? AND k.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')""";

    private static final String CHECKS = """
            SELECT CONCAT('constraint ', TABLE_NAME, '.', CONSTRAINT_NAME, ' CHECK (', CHECK_CLAUSE, ')')
            FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?""";

    private static final String INDEXES = """
            SELECT CONCAT('index ', TABLE_NAME, '.', INDEX_NAME, IF(NON_UNIQUE = 0, ' unique', ''), ' ', INDEX_TYPE,
                   ' (', GROUP_CONCAT(CONCAT(COLUMN_NAME, IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')')),
                                             IF(COLLATION = 'D', ' DESC', ''))
                                      ORDER BY SEQ_IN_INDEX SEPARATOR ', '), ')',
                   IF(MAX(INDEX_COMMENT) = '', '', CONCAT(' comment=', MAX(INDEX_COMMENT))))
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
            GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE""";

    private static final String VIEWS = """
            SELECT CONCAT('view ', TABLE_NAME, ' AS ', VIEW_DEFINITION)
            FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?""";

    private static final String SEQUENCE_NAMES = """
            SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE'""";

    private MariaDbCatalogSnapshot() {
    }

    /** The unsorted lines of {@code schema} (a database). */
    public static List<String> lines(Connection connection, String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String sql : List.of(TABLES, COLUMNS, KEYS, CHECKS, INDEXES, VIEWS)) {
            query(connection, sql, schema, lines);
        }
        List<String> sequences = new ArrayList<>();
        query(connection, SEQUENCE_NAMES, schema, sequences);
        for (String name : sequences) {
            String quoted = "`" + schema.replace("`", "``") + "`.`" + name.replace("`", "``") + "`";
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT start_value, minimum_value, maximum_value, increment, cache_size, cycle_option FROM "
                            + quoted)) {
                rs.next();
                lines.add("sequence " + name + " start " + rs.getLong(1) + " min " + rs.getLong(2) + " max "
                        + rs.getString(3) + " increment " + rs.getLong(4) + " cache " + rs.getLong(5)
                        + (rs.getInt(6) == 1 ? " cycle" : ""));
            }
        }
        return lines;
    }

    /** The databases of the server but the system's own. */
    public static List<String> schemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            schemas.add(rs.getString(1));
        }
        return schemas;
    }

    private static void query(Connection connection, String sql, String schema, List<String> into)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(rs.getString(1));
                }
            }
        }
    }
}
