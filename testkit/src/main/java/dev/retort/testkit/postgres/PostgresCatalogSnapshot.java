package dev.retort.testkit.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a PostgreSQL schema's {@code CatalogSnapshot}, read with PostgreSQL's own functions
 * ({@code format_type}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}, ...), and the database's schemas.
 */
public final class PostgresCatalogSnapshot {

    private static final String TABLES = """
            SELECT 'table ' || c.relname || coalesce(' comment=' || obj_description(c.oid, 'pg_class'), '')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""";

    private static final String COLUMNS = """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
                || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END
                || CASE WHEN a.attgenerated = 's' THEN ' generated' ELSE '' END
                || coalesce(' collate ' || nullif(co.collname, 'default'), '')
                || coalesce(' comment=' || col_description(c.oid, a.attnum), '')
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
                AND co.oid <> (SELECT typcollation FROM pg_type WHERE oid = a.atttypid)
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped""";

    private static final String CONSTRAINTS = """
            SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ?""";

    private static final String INDEXES = """
            SELECT 'index ' || pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ?""";

    private static final String SEQUENCES = """
            SELECT 'sequence ' || s.sequencename || ' as ' || s.data_type || ' start ' || s.start_value
                || ' min ' || s.min_value || ' max ' || s.max_value || ' increment ' || s.increment_by
                || ' cache ' || s.cache_size || CASE WHEN s.cycle THEN ' cycle' ELSE '' END
                || coalesce((SELECT ' owned by ' || t.relname || '.' || a.attname
                                    || CASE d.deptype WHEN 'i' THEN ' (identity)' ELSE '' END
                             FROM pg_depend d
                             JOIN pg_class t ON t.oid = d.refobjid
                             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                             WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                               AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')), '')
            FROM pg_sequences s
            JOIN pg_namespace n ON n.nspname = s.schemaname
            JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
            WHERE s.schemaname = ?""";

    private static final String ENUMS = """
            SELECT 'enum ' || t.typname || ' ' || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname = ? GROUP BY t.typname""";

    private static final String VIEWS = """
            SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('v', 'm')""";

    /** Reads the catalog of {@code schema}. */
    private PostgresCatalogSnapshot() {
    }

    /** One line per object of {@code schema}, unsorted. */
    public static List<String> lines(Connection connection, String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String sql : List.of(TABLES, COLUMNS, CONSTRAINTS, INDEXES, SEQUENCES, ENUMS, VIEWS)) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        return lines;
    }

    /** The database's schemas but PostgreSQL's own, sorted. */
    public static List<String> schemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname "
                + "NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }
}
