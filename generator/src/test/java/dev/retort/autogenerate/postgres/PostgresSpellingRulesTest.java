package dev.retort.autogenerate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.ComparisonDialect;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.SequenceOptions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row is a real-world pair of spellings: what Hibernate (or a person) writes, and what PostgreSQL prints. */
class PostgresSpellingRulesTest {

    private final PostgresComparisonDialect dialect = new PostgresComparisonDialect();

    @ParameterizedTest(name = "type {0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "varchar(255)|character varying(255)",
            "VARCHAR(255)|character varying(255)",
            "varchar|character varying",
            "int4|integer",
            "int|integer",
            "int8|bigint",
            "int2|smallint",
            "serial|integer",
            "bigserial|bigint",
            "bool|boolean",
            "float(53)|double precision",
            "float8|double precision",
            "float(24)|real",
            "float4|real",
            "timestamp(6) with time zone|timestamp with time zone",
            "timestamptz|timestamp with time zone",
            "timestamp(6)|timestamp without time zone",
            "timestamp|timestamp without time zone",
            "time(6)|time without time zone",
            "timetz|time with time zone",
            "decimal(38,2)|numeric(38,2)",
            "numeric(38, 2)|numeric(38,2)",
            "char|character(1)",
            "char(3)|character(3)",
            "bpchar(3)|character(3)",
            "_int4|integer[]",
            "int[]|integer[]",
            "varchar(20)[]|character varying(20)[]",
            "varchar(255) array|character varying(255)[]",
            "integer array|integer[]",
            "pg_catalog.text|text",
    })
    @DisplayName("type synonyms compare equal")
    void typeSynonyms(String desired, String actual) {
        assertTrue(dialect.sameType(ColumnType.of(desired), ColumnType.of(actual)), desired + " vs " + actual);
    }

    @ParameterizedTest(name = "type {0} <> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "varchar(255)|character varying(200)",
            "timestamp(3) with time zone|timestamp with time zone",
            "timestamp with time zone|timestamp without time zone",
            "integer|bigint",
            "numeric(10,2)|numeric(12,2)",
            "text|character varying",
            "integer[]|integer",
            "\"Mood\"|mood",
    })
    @DisplayName("different types stay different")
    void differentTypes(String desired, String actual) {
        assertFalse(dialect.sameType(ColumnType.of(desired), ColumnType.of(actual)), desired + " vs " + actual);
    }

    @ParameterizedTest(name = "default {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "varchar(20)|'draft'|'draft'::character varying",
            "text|'x'|'x'::text",
            "integer|0|0",
            "integer|-1|'-1'::integer",
            "numeric(10,2)|0.00|0.00",
            "boolean|true|true",
            "boolean|TRUE|true",
            "boolean|'t'|true",
            "boolean|false|false",
            "timestamp with time zone|now()|now()",
            "timestamp with time zone|CURRENT_TIMESTAMP|now()",
            "timestamp with time zone|current_timestamp|CURRENT_TIMESTAMP",
            "bigint|nextval('orders_seq')|nextval('orders_seq'::regclass)",
            "jsonb|'{}'|'{}'::jsonb",
            "date|'2020-01-01'|'2020-01-01'::date",
            "character varying(10)|('a')|'a'::character varying",
    })
    @DisplayName("default spellings compare equal")
    void defaultSpellings(String type, String desired, String actual) {
        Column column = Column.of("c", type);
        assertTrue(dialect.sameDefault(column, Default.of(desired), Default.of(actual)), desired + " vs " + actual);
    }

    @Test
    @DisplayName("different defaults, and a default against none, stay different; NULL counts as none")
    void differentDefaults() {
        Column column = Column.of("c", "integer");
        assertFalse(dialect.sameDefault(column, Default.of("0"), Default.of("1")));
        assertFalse(dialect.sameDefault(column, Default.of("0"), null));
        assertFalse(dialect.sameDefault(Column.of("c", "text"), Default.of("'a'"), Default.of("'A'::text")));
        assertTrue(dialect.sameDefault(column, Default.of("NULL"), null));
        assertTrue(dialect.sameDefault(column, Default.of("NULL::integer"), null));
    }

    @ParameterizedTest(name = "check {0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "status in ('DRAFT','PUBLISHED')|((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'PUBLISHED'::character varying])::text[]))",
            "mood between 0 and 4|((mood >= 0) AND (mood <= 4))",
            "amount > 0|(amount > (0)::numeric)",
            "email = lower(email)|((email)::text = lower((email)::text))",
            "kind <> 'X'|((kind)::text <> 'X'::text)",
            "kind != 'X'|((kind)::text <> 'X'::text)",
            "name like 'a%'|((name)::text ~~ 'a%'::text)",
            "name ilike 'a%'|((name)::text ~~* 'a%'::text)",
            "role not in ('A','B')|((role)::text <> ALL ((ARRAY['A'::character varying, 'B'::character varying])::text[]))",
            "\"Status\" IS NOT NULL|(\"Status\" IS NOT NULL)",
            "\"status\" is not null|(status IS NOT NULL)",
            "priority>=1 and priority<=5|((priority >= 1) AND (priority <= 5))",
    })
    @DisplayName("check constraint text as Hibernate writes it equals what pg_get_constraintdef prints")
    void checkSpellings(String desired, String actual) {
        assertTrue(dialect.sameCheck("t", desired, actual), desired + " vs " + actual);
    }

    @Test
    @DisplayName("different checks stay different")
    void differentChecks() {
        assertFalse(dialect.sameCheck("t", "status in ('A','B')", "((status)::text = ANY ((ARRAY['A'::character varying])::text[]))"));
        assertFalse(dialect.sameCheck("t", "amount > 0", "(amount >= (0)::numeric)"));
        assertFalse(dialect.sameCheck("t", "\"Status\" is not null", "(status IS NOT NULL)"));
    }

    @Test
    @DisplayName("type changes are classified as widening, narrowing or conversion")
    void typeChanges() {
        assertEquals(ComparisonDialect.TypeChange.WIDENING, change("varchar(50)", "varchar(200)"));
        assertEquals(ComparisonDialect.TypeChange.NARROWING, change("varchar(200)", "varchar(50)"));
        assertEquals(ComparisonDialect.TypeChange.WIDENING, change("integer", "bigint"));
        assertEquals(ComparisonDialect.TypeChange.NARROWING, change("bigint", "integer"));
        assertEquals(ComparisonDialect.TypeChange.WIDENING, change("varchar(20)", "text"));
        assertEquals(ComparisonDialect.TypeChange.NARROWING, change("text", "varchar(20)"));
        assertEquals(ComparisonDialect.TypeChange.NARROWING, change("numeric(10,2)", "numeric(8,2)"));
        assertEquals(ComparisonDialect.TypeChange.NARROWING, change("numeric(10,2)", "numeric(10,1)"));
        assertEquals(ComparisonDialect.TypeChange.WIDENING, change("numeric(10,2)", "numeric(12,2)"));
        assertEquals(ComparisonDialect.TypeChange.CONVERSION, change("text", "integer"));
        assertEquals(ComparisonDialect.TypeChange.CONVERSION, change("varchar(36)", "uuid"));
    }

    private ComparisonDialect.TypeChange change(String from, String to) {
        return dialect.typeChange(ColumnType.of(from), ColumnType.of(to));
    }

    @Test
    @DisplayName("names unnamed constraints as PostgreSQL does, within 63 bytes")
    void namesLikePostgres() {
        assertEquals("reminders_pkey", dialect.primaryKeyName("reminders"));
        assertEquals("entries_status_check", dialect.checkName("entries", "status in ('A')", List.of("id", "status")));
        assertEquals("entries_check", dialect.checkName("entries", "a < b", List.of("a", "b")));
        assertEquals("users_email_key", dialect.uniqueName("users", List.of("email")));
        assertEquals("t_a_b_fkey", dialect.foreignKeyName("t", List.of("a", "b")));
        String longName = "a_very_long_table_name_that_goes_on_and_on_for_quite_a_while_yes";
        String pk = dialect.primaryKeyName(longName);
        assertEquals(63, pk.length());
        assertTrue(pk.endsWith("_pkey"));
        assertNotEquals(longName + "_pkey", pk);
    }

    @Test
    @DisplayName("fills sequence defaults as PostgreSQL does for ascending and descending sequences")
    void sequenceDefaults() {
        assertEquals(new SequenceOptions(1L, 1L, 1L, Long.MAX_VALUE, 1L, false),
                dialect.withDefaults(SequenceOptions.DEFAULTS, null));
        assertEquals(new SequenceOptions(1L, 50L, 1L, 2147483647L, 1L, false),
                dialect.withDefaults(SequenceOptions.DEFAULTS.withIncrement(50), "integer"));
        assertEquals(new SequenceOptions(-1L, -1L, -32768L, -1L, 1L, false),
                dialect.withDefaults(SequenceOptions.DEFAULTS.withIncrement(-1), "smallint"));
    }
}
