package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.schema.Deferrability;
import dev.retort.schema.Identity;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SequenceOptions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A columnDefinition splits into")
class ColumnDefinitionTest {

    private static ColumnDefinition parse(String sql) {
        return ColumnDefinition.parse(sql, dev.retort.autogenerate.postgres.PostgresNames.INSTANCE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "varchar(255)", "timestamp(6) with time zone", "double precision",
            "character varying(20)[]", "numeric(10, 2)", "interval day to second", "\"Mood\"", "public.mood",
            "bit varying(5)", "int array[3]", "Unique", "Check[]"})
    @DisplayName("a type alone, however many words it has (and whatever an enum type is called)")
    void typeAlone(String sql) {
        ColumnDefinition definition = parse(sql);
        assertTrue(definition.isTypeOnly(), () -> definition.toString());
        assertEquals(sql, definition.type());
    }

    @Test
    @DisplayName("a collation, quoted or folded, and a stored generation expression")
    void collationAndGeneration() {
        ColumnDefinition definition = parse("numeric(12,2) collate \"C\" generated always as "
                + "(price * (1 + rate)) stored not null");
        assertEquals("numeric(12,2)", definition.type());
        assertEquals("C", definition.collation());
        assertEquals("price * (1 + rate)", definition.generated());
        assertTrue(definition.notNull());
        assertEquals(List.of(), definition.unsupported());
        assertEquals("posix", parse("text COLLATE POSIX").collation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "boolean default false | boolean | false",
            "varchar(20) DEFAULT 'a b' NOT NULL | varchar(20) | 'a b'",
            "text default 'it''s not null' | text | 'it''s not null'",
            "text default E'a\\' null' | text | E'a\\' null'",
            "integer default (1 + 2) * 3 check (x > 0) | integer | (1 + 2) * 3",
            "integer default case when true then null else 1 end not null | integer | case when true then null else 1 end",
            "text default 'x'::character varying | text | 'x'::character varying",
            "timestamp(6) with time zone default now() | timestamp(6) with time zone | now()",
            "int[] default '{1,2}' | int[] | '{1,2}'",
            "text default $$a 'b' null$$ | text | $$a 'b' null$$",
            "date default current_date not null | date | current_date"})
    @DisplayName("the type and a default expression, which ends where the next clause starts")
    void defaults(String sql, String type, String defaultSql) {
        ColumnDefinition definition = parse(sql);
        assertEquals(type, definition.type());
        assertEquals(defaultSql, definition.defaultSql());
        assertEquals(List.of(), definition.unsupported());
    }

    @Test
    @DisplayName("no default for DEFAULT NULL, which PostgreSQL does not store")
    void defaultNull() {
        assertNull(parse("text default null").defaultSql());
        assertNull(parse("text DEFAULT NULL::text not null").defaultSql());
    }

    @Test
    @DisplayName("NOT NULL, and NULL as nothing")
    void nullability() {
        assertTrue(parse("integer not null").notNull());
        assertTrue(parse("integer constraint nn NOT NULL").notNull());
        ColumnDefinition nullable = parse("integer null");
        assertFalse(nullable.notNull());
        assertEquals("integer", nullable.type());
        assertEquals(List.of(), nullable.unsupported());
    }

    @Test
    @DisplayName("checks, unnamed or named, with parentheses and quotes inside")
    void checks() {
        ColumnDefinition definition = parse(
                "integer check (qty > 0 and (qty < 10 or qty = 99)) constraint \"Ck_Odd\" check (qty % 2 = 1 or ')' = ')')");
        assertEquals(List.of(new ColumnDefinition.Check(null, "qty > 0 and (qty < 10 or qty = 99)"),
                new ColumnDefinition.Check("Ck_Odd", "qty % 2 = 1 or ')' = ')'")), definition.checks());
    }

    @Test
    @DisplayName("unique, named and deferrable")
    void uniques() {
        assertEquals(List.of(new ColumnDefinition.Unique(null, Deferrability.NOT_DEFERRABLE)),
                parse("varchar(20) unique").uniques());
        assertEquals(List.of(new ColumnDefinition.Unique("uq_code", Deferrability.DEFERRABLE_INITIALLY_DEFERRED)),
                parse("varchar(20) not null constraint UQ_code unique deferrable initially deferred")
                        .uniques());
        assertEquals(List.of(new ColumnDefinition.Unique(null, Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE)),
                parse("varchar(20) unique deferrable").uniques());
    }

    @Test
    @DisplayName("references, with or without the column, actions and deferrability")
    void references() {
        assertEquals(List.of(new ColumnDefinition.Reference(null, "customer", List.of(), ReferentialAction.NO_ACTION,
                        ReferentialAction.NO_ACTION, Deferrability.NOT_DEFERRABLE)),
                parse("bigint references Customer").references());
        assertEquals(List.of(new ColumnDefinition.Reference("fk_owner", "User", List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.SET_NULL,
                        Deferrability.DEFERRABLE_INITIALLY_DEFERRED)),
                parse("bigint not null constraint fk_owner references \"User\" (ID) match simple"
                        + " on delete cascade on update set null deferrable initially deferred").references());
        assertEquals(ReferentialAction.SET_DEFAULT, parse(
                "bigint default 0 references customer on delete set default").references().get(0).onDelete());
    }

    @Test
    @DisplayName("identity, with its sequence options")
    void identity() {
        assertEquals(Identity.generatedByDefault(),
                parse("bigint generated by default as identity").identity());
        assertEquals(new Identity(true, SequenceOptions.DEFAULTS.withStart(100).withIncrement(-5).withMinValue(-1000)
                        .withCache(1).withCycle(true)),
                parse("bigint GENERATED ALWAYS AS IDENTITY (start with 100 increment by -5 "
                        + "minvalue -1000 no maxvalue cache 1 cycle)").identity());
        assertEquals(List.of(), parse("int generated always as identity (start 5)").unsupported());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "text compression pglz | compression pglz",
            "text collate \"C\" collate \"POSIX\" | collate \"POSIX\"",
            "bigint primary key | primary key",
            "varchar(20) unique nulls not distinct | unique nulls not distinct",
            "integer check (x > 0) no inherit | check (x > 0) no inherit",
            "bigint references other.customer | references other.customer",
            "bigint references customer match full | match full",
            "bigint references customer on delete set null (a) | references customer on delete set null (a)",
            "bigint generated by default as identity (sequence name s) | generated by default as identity (sequence name s)",
            "integer check (x > 0) deferrable | deferrable"})
    @DisplayName("what the schema model cannot hold, from that clause on")
    void unsupported(String sql, String rest) {
        ColumnDefinition definition = parse(sql);
        assertEquals(List.of(rest), definition.unsupported());
    }
}
