package dev.retort.platform.postgres;

import java.util.Set;

/**
 * Quotes identifiers and literals the way PostgreSQL's own {@code quote_ident()} and {@code quote_literal()}
 * do: an identifier stays bare only when it is lower case, starts with a letter or underscore, holds only
 * letters, digits and underscores, and is not a keyword PostgreSQL reserves in any way.
 */
public final class PostgresIdentifiers {

    /**
     * Every keyword that is not "unreserved" ({@code select word from pg_get_keywords() where catcode <> 'U'}
     * on PostgreSQL 15), plus those PostgreSQL 16 and 17 added, so a name that is safe today stays safe
     * after a server upgrade.
     */
    static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
            "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
            "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
            "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
            "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
            "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
            "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
            "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
            "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
            "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
            "xmlroot", "xmlserialize", "xmltable",
            // PostgreSQL 16
            "system_user", "json_array", "json_arrayagg", "json_object", "json_objectagg",
            // PostgreSQL 17
            "json", "json_exists", "json_query", "json_scalar", "json_serialize", "json_table", "json_value",
            "merge_action");

    private PostgresIdentifiers() {
    }

    /** The identifier as SQL: bare when PostgreSQL reads it back unchanged, double-quoted otherwise. */
    public static String quote(String identifier) {
        if (isSafe(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * A collation name, always in double quotes ({@code "C"}, {@code "en-US-x-icu"}, {@code "default"}): as
     * Hibernate writes it, and as PostgreSQL needs for names that are keywords or not lower case.
     */
    public static String collation(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A string literal, {@code 'it''s'}. One holding a backslash is written {@code E'a\\b'}, as
     * {@code quote_literal()} does, so it reads the same whatever {@code standard_conforming_strings} says:
     * with that setting off, a backslash in a plain literal would escape the quote after it.
     */
    public static String literal(String value) {
        if (value.indexOf('\\') >= 0) {
            return "E'" + value.replace("\\", "\\\\").replace("'", "''") + '\'';
        }
        return '\'' + value.replace("'", "''") + '\'';
    }

    private static boolean isSafe(String identifier) {
        if (identifier.isEmpty()) {
            return false;
        }
        char first = identifier.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return false;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return !KEYWORDS.contains(identifier);
    }
}
