package dev.retort.autogenerate.postgres;

/**
 * The bulk queries {@link PostgresCatalogReader} runs: one per object kind for the whole schema, each taking
 * the schema's {@code pg_namespace} oid as its only parameter, so their number never grows with the schema.
 * Rows come ordered by table oid (then by name or position) so the reader can group them in one pass.
 */
final class PostgresCatalogQueries {

    private PostgresCatalogQueries() {
    }

    /** The connection's current schema; no row when {@code search_path} names no existing schema. */
    static final String NAMESPACE = """
            SELECT n.oid, n.nspname FROM pg_namespace n WHERE n.nspname = current_schema()""";

    /** A schema by name. */
    static final String NAMED_NAMESPACE = """
            SELECT n.oid, n.nspname FROM pg_namespace n WHERE n.nspname = ?""";

    /** Plain and partitioned tables; not partitions, views, or tables an extension owns. */
    static final String TABLES = """
            SELECT c.oid, c.relname, d.description
            FROM pg_class c
            LEFT JOIN pg_description d
                   ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
            WHERE c.relnamespace = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_depend e
                              WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            ORDER BY c.oid""";

    /**
     * Columns in attnum order, with the options of an identity column's own sequence (the one it depends on
     * with deptype 'i'). Identity columns have no pg_attrdef row; a generated column's pg_attrdef row holds
     * its generation expression. {@code collname} is set only where the column's collation is not its type's.
     */
    static final String COLUMNS = """
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                   a.attidentity, a.attgenerated, pg_get_expr(ad.adbin, ad.adrelid) AS default_sql,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   d.description, co.collname
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_type ty ON ty.oid = a.atttypid
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
                  AND a.attcollation <> ty.typcollation
            LEFT JOIN (pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid)
                   ON a.attidentity <> '' AND dep.classid = 'pg_class'::regclass
                  AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
                  AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
            LEFT JOIN pg_description d
                   ON d.classoid = 'pg_class'::regclass AND d.objoid = a.attrelid AND d.objsubid = a.attnum
            WHERE c.relnamespace = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum""";

    /**
     * Primary key, unique, foreign key and check constraints with their columns in key order. A foreign key
     * to a partitioned table gets one extra pg_constraint row per partition (conparentid set); only the
     * top-level one is read.
     */
    static final String CONSTRAINTS = """
            SELECT k.conrelid, k.conname, k.contype, k.condeferrable, k.condeferred,
                   ARRAY(SELECT a.attname::text
                         FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                         ORDER BY u.ord) AS columns,
                   r.relname AS referenced_table,
                   CASE WHEN r.relnamespace <> c.relnamespace
                        THEN (SELECT rn.nspname FROM pg_namespace rn WHERE rn.oid = r.relnamespace) END
                       AS referenced_schema,
                   ARRAY(SELECT a.attname::text
                         FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
                         ORDER BY u.ord) AS referenced_columns,
                   k.confdeltype, k.confupdtype,
                   CASE WHEN k.contype = 'c' THEN pg_get_constraintdef(k.oid) END AS definition,
                   NOT k.convalidated AS not_valid
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            LEFT JOIN pg_class r ON r.oid = k.confrelid
            WHERE c.relnamespace = ? AND k.contype IN ('p', 'u', 'f', 'c') AND k.conparentid = 0
            ORDER BY k.conrelid, k.conname""";

    /**
     * One row per index key and INCLUDE column of every index that does not back a primary key, unique or
     * exclusion constraint of its own table. (A foreign key's conindid names the referenced table's index,
     * which is still a standalone index when no constraint owns it, so only those three kinds count.)
     * The opclass is reported only when it is not its type's default, as pg_get_indexdef would print it.
     */
    static final String INDEXES = """
            SELECT i.indrelid, ic.relname AS index_name, i.indisunique, am.amname, NOT i.indisvalid AS invalid,
                   pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                   k.n > i.indnkeyatts AS included,
                   a.attname AS column_name,
                   CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.n, true) END AS expression,
                   CASE WHEN k.n <= i.indnkeyatts THEN i.indoption[k.n - 1] ELSE 0 END AS options,
                   CASE WHEN NOT oc.opcdefault THEN oc.opcname END AS opclass
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_am am ON am.oid = ic.relam
            CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(n)
            LEFT JOIN pg_attribute a
                   ON i.indkey[k.n - 1] <> 0 AND a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
            LEFT JOIN pg_opclass oc ON k.n <= i.indnkeyatts AND oc.oid = i.indclass[k.n - 1]
            WHERE c.relnamespace = ? AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_constraint x
                              WHERE x.conindid = i.indexrelid AND x.conrelid = i.indrelid
                                AND x.contype IN ('p', 'u', 'x'))
            ORDER BY i.indrelid, ic.relname, k.n""";

    /**
     * Sequences with every option and their OWNED BY column (deptype 'a'); not identity sequences
     * (deptype 'i'), which belong to their column, nor those an extension owns.
     */
    static final String SEQUENCES = """
            SELECT c.relname, format_type(s.seqtypid, NULL) AS data_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   ot.relname AS owned_by_table, oa.attname AS owned_by_column
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            LEFT JOIN pg_depend d
                   ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                  AND d.refobjsubid > 0 AND d.deptype = 'a'
            LEFT JOIN pg_class ot ON ot.oid = d.refobjid
            LEFT JOIN pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
            WHERE c.relnamespace = ?
              AND NOT EXISTS (SELECT 1 FROM pg_depend x
                              WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype IN ('i', 'e'))
            ORDER BY c.relname""";

    /**
     * Views with the server's own text of their query ({@code pg_get_viewdef}), the form the comparator holds the
     * entities' queries against. Views of extensions are left out.
     */
    static final String VIEWS = """
            SELECT c.relname, pg_get_viewdef(c.oid) AS definition
            FROM pg_class c
            WHERE c.relnamespace = ? AND c.relkind = 'v'
              AND NOT EXISTS (SELECT 1 FROM pg_depend e
                              WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            ORDER BY c.relname""";

    /** Enum types with their labels in enumsortorder (which ALTER TYPE ... ADD VALUE BEFORE keeps right). */
    static final String ENUM_TYPES = """
            SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
            FROM pg_type t
            JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.typnamespace = ?
              AND NOT EXISTS (SELECT 1 FROM pg_depend x
                              WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')
            GROUP BY t.oid, t.typname
            ORDER BY t.typname""";
}
