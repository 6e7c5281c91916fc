package dev.retort.platform.postgres;

import dev.retort.schema.ColumnType;
import java.util.Set;

/** The types PostgreSQL has built in, as {@link ColumnType#baseName()} spells them; any other is user-defined. */
final class PostgresTypes {

    private static final Set<String> BUILT_IN = Set.of(
            "smallint", "int2", "integer", "int", "int4", "bigint", "int8", "smallserial", "serial2", "serial",
            "serial4", "bigserial", "serial8", "numeric", "decimal", "real", "float4", "double precision", "float8",
            "float", "money", "boolean", "bool", "text", "character varying", "varchar", "character", "char",
            "bpchar", "name", "bytea", "date", "time", "time without time zone", "time with time zone", "timetz",
            "timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz", "interval",
            "uuid", "json", "jsonb", "jsonpath", "xml", "inet", "cidr", "macaddr", "macaddr8", "bit",
            "bit varying", "varbit", "tsvector", "tsquery", "point", "line", "lseg", "box", "path", "polygon",
            "circle", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
            "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange", "oid",
            "regclass", "regtype", "pg_lsn", "pg_snapshot", "txid_snapshot");

    private PostgresTypes() {
    }

    static boolean isBuiltIn(ColumnType type) {
        String base = type.baseName();
        if (base.startsWith("pg_catalog.")) {
            base = base.substring("pg_catalog.".length());
        }
        if (base.endsWith(" array")) {
            base = base.substring(0, base.length() - " array".length());
        }
        // interval's field qualifiers: interval day to second, interval second(6)
        return BUILT_IN.contains(base) || base.startsWith("interval ");
    }
}
