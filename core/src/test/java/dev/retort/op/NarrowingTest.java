package dev.retort.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ddl.SqlStatement;
import dev.retort.platform.postgres.PostgresDialect;
import dev.retort.schema.ColumnType;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(FreshDatabase.class)
@DisplayName("Type changes that would lose data")
class NarrowingTest {

    private static final PostgresDialect DIALECT = new PostgresDialect();

    /**
     * {@code allowLoss} says what the author's explicit "convert anyway" does with the value that does not fit:
     * {@code changes} it (cut, rounded) or PostgreSQL still {@code refuses} it (out of range).
     */
    @ParameterizedTest(name = "{0} -> {1}: refuses {2}, keeps {3}; with allowLoss() {4}")
    @DisplayName("stop atomically, naming the column and the rows, unless the author allows the loss")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            character varying(255)      | varchar(10)                 | 'this name is far longer than ten' | 'short' | changes
            text                        | varchar(5)                  | 'toolong'                          | 'ok'    | changes
            character(10)               | character(3)                | 'abcd'                             | 'ab'    | changes
            integer                     | varchar(3)                  | 12345                              | 123     | changes
            numeric(12,4)               | numeric(12,2)               | 1.2345                             | 1.5     | changes
            numeric(12,2)               | numeric(4,2)                | 123.45                             | 12.34   | refuses
            numeric                     | numeric(6,2)                | 1.005                              | 'NaN'   | changes
            text                        | numeric(5,2)                | '1.234'                            | '1.23'  | changes
            numeric                     | integer                     | 2.5                                | 3       | changes
            bigint                      | integer                     | 3000000000                         | 7       | refuses
            integer                     | smallint                    | 40000                              | -7      | refuses
            double precision            | integer                     | 2.5                                | 3       | changes
            double precision            | real                        | 0.1                                | 0.5     | changes
            double precision            | real                        | 1e300                              | 'Infinity' | refuses
            bigint                      | double precision            | 9007199254740993                   | 12345   | changes
            timestamp(6) without time zone | timestamp(0) without time zone | '2026-01-01 10:00:00.5'      | '2026-01-01 10:00:00' | changes
            timestamp(6) with time zone | timestamp(3) with time zone | '2026-01-01 10:00:00.1234+00'      | '2026-01-01 10:00:00.123+00' | changes
            timestamp without time zone | date                        | '2026-01-01 10:00'                 | '2026-01-01 00:00' | changes
            time(6) without time zone   | time(0) without time zone   | '10:00:00.5'                       | '10:00:00' | changes
            interval                    | interval(0)                 | '1.5 seconds'                      | '2 seconds' | changes
            character varying(20)[]     | varchar(5)[]                | '{a,bbbbbbbbbb}'                   | '{a,b}' | changes
            bit varying(8)              | bit varying(4)              | B'101010'                          | B'1010' | changes
            """)
    void lossyChanges(String from, String to, String lossy, String fits, String allowLoss, TestDatabase db)
            throws SQLException {
        for (String table : List.of("lossy", "fits", "forced")) {
            db.execute("CREATE TABLE " + table + " (id integer, c " + from + ")",
                    "INSERT INTO " + table + " VALUES (1, " + (table.equals("fits") ? fits : lossy) + "), (2, NULL)");
        }
        db.execute("INSERT INTO lossy VALUES (3, " + lossy + ")", "CREATE TABLE expected (c " + to + ")");
        String fromType = typeOf(db, "lossy");
        String toType = typeOf(db, "expected");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LiveDdl.apply(db, narrowing("lossy", from, to, false)));
        assertTrue(refused.getMessage().contains("Narrowing lossy.c from " + from + " to " + to
                + " would lose data: 2 rows hold"), refused.getMessage());
        assertEquals(fromType, typeOf(db, "lossy"), "the refused change is rolled back");
        assertTrue(same(db, "lossy", from, lossy), "the values are untouched");

        LiveDdl.apply(db, narrowing("fits", from, to, false));
        assertEquals(toType, typeOf(db, "fits"));
        assertTrue(same(db, "fits", from, fits), "a value that fits converts without change");

        if (allowLoss.equals("changes")) {
            LiveDdl.apply(db, narrowing("forced", from, to, true));
            assertEquals(toType, typeOf(db, "forced"));
            assertTrue(!same(db, "forced", from, lossy), "allowLoss() converts with PostgreSQL's cast, which changes it");
        } else {
            IllegalStateException outOfRange = assertThrows(IllegalStateException.class,
                    () -> LiveDdl.apply(db, narrowing("forced", from, to, true)));
            assertTrue(outOfRange.getMessage().contains("out of range") || outOfRange.getMessage().contains("overflow"),
                    outOfRange.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("run no check where nothing can be lost")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            character varying(10)  | varchar(255)
            character varying(10)  | text
            character(3)           | varchar(3)
            smallint               | bigint
            integer                | numeric
            integer                | numeric(12,2)
            numeric(6,2)           | numeric(12,4)
            real                   | double precision
            integer                | double precision
            timestamp(0) without time zone | timestamp(6) without time zone
            timestamp without time zone    | timestamp with time zone
            text                   | integer
            integer                | text
            character varying(5)[] | varchar(20)[]
            """)
    void widenings(String from, String to) {
        List<SqlStatement> statements = DIALECT.statements(narrowing("t", from, to, false));
        assertEquals(1, statements.size(), statements.toString());
        assertTrue(statements.get(0).sql().startsWith("ALTER TABLE t ALTER COLUMN c TYPE " + to), statements.toString());
    }

    @Test
    @DisplayName("check a change to a shorter string even when the old type is not given")
    void shortFormIsGuarded(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (c text)", "INSERT INTO t VALUES ('abcd')");
        AlterColumn shortForm = new AlterColumn.Builder("t", "c").type(Change.to(ColumnType.of("varchar(3)"))).build();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LiveDdl.apply(db, shortForm));
        assertTrue(refused.getMessage().contains("Narrowing t.c from its type to varchar(3) would lose data: 1 row holds "
                + "a value longer than 3 characters"), refused.getMessage());
        assertEquals("text", typeOf(db, "t"));
    }

    @Test
    @DisplayName("leave the conversion to the author's USING expression")
    void usingIsTheAuthorsChoice(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (id integer, c varchar(20))", "INSERT INTO t VALUES (1, 'abcdefgh')");
        LiveDdl.apply(db, new AlterColumn.Builder("t", "c").type("varchar(20)", "varchar(3)").using("left(c, 3)").build());
        assertTrue(same(db, "t", "text", "'abc'"));
    }

    @Test
    @DisplayName("reverse a widening into a guarded narrowing")
    void reverseOfWideningIsGuarded(TestDatabase db) {
        db.execute("CREATE TABLE t (c varchar(3))", "INSERT INTO t VALUES ('abc')");
        AlterColumn widen = new AlterColumn.Builder("t", "c").type("varchar(3)", "varchar(10)").build();
        LiveDdl.apply(db, widen);
        db.execute("INSERT INTO t VALUES ('abcdef')");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LiveDdl.apply(db, widen.reverse()));
        assertTrue(refused.getMessage().contains("1 row holds a value longer than 3 characters"), refused.getMessage());
    }

    @Test
    @DisplayName("quote a hostile table and column name in the check, and keep '%' out of the message format")
    void hostileNames(TestDatabase db) {
        String table = "t%s'\"$retort$; DROP TABLE victim; --";
        db.execute("CREATE TABLE victim (id integer)",
                "CREATE TABLE " + DIALECT.quote(table) + " (" + DIALECT.quote("c%d\\") + " text)",
                "INSERT INTO " + DIALECT.quote(table) + " VALUES ('abcd')");
        AlterColumn narrow = new AlterColumn.Builder(table, "c%d\\").type("text", "varchar(3)").build();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LiveDdl.apply(db, narrow));
        assertTrue(refused.getMessage().contains("Narrowing " + table + ".c%d\\ from text to varchar(3) would lose data: "
                + "1 row holds"), refused.getMessage());
        db.execute("SELECT count(*) FROM victim");
    }

    private static AlterColumn narrowing(String table, String from, String to, boolean allowLoss) {
        AlterColumn.Builder builder = new AlterColumn.Builder(table, "c").type(from, to);
        return (allowLoss ? builder.allowLoss() : builder).build();
    }

    private static String typeOf(TestDatabase db, String table) throws SQLException {
        return query(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
                + table.replace("'", "''") + "'::regclass AND attname = 'c'");
    }

    /** Whether row 1 still holds {@code literal}, compared in the column's original type. */
    private static boolean same(TestDatabase db, String table, String type, String literal) throws SQLException {
        return "t".equals(query(db, "SELECT c::" + type + " IS NOT DISTINCT FROM (" + literal + ")::" + type
                + " FROM " + table + " WHERE id = 1"));
    }

    private static String query(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
