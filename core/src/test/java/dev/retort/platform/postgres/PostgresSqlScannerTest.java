package dev.retort.platform.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.InertText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Reading SQL as psql does")
class PostgresSqlScannerTest {

    @Nested
    @DisplayName("finds the statement that ends a transaction")
    class TransactionEnds {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                COMMIT                                              | COMMIT
                commit work                                         | COMMIT
                CREATE TABLE t3 (id int); COMMIT; SELECT 1 / 0      | COMMIT
                END                                                 | END
                ABORT                                               | ABORT
                ROLLBACK                                            | ROLLBACK
                rollback and chain                                  | ROLLBACK
                PREPARE TRANSACTION 'x'                             | PREPARE TRANSACTION
                "/* c */ -- c\n  Commit"                            | COMMIT
                """)
        void finds(String sql, String end) {
            assertEquals(end, PostgresSqlScanner.scan(sql.replace("\\n", "\n")).transactionEnd());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "ROLLBACK TO SAVEPOINT s", "rollback to s", "ROLLBACK WORK TO s", "SAVEPOINT s; RELEASE s",
            "SELECT 'COMMIT; END'", "SELECT \"commit\" FROM t", "-- COMMIT\nSELECT 1", "/* COMMIT; */ SELECT 1",
            "DO $$ BEGIN PERFORM 1; END $$", "DO $body$ BEGIN COMMIT; END $body$",
            "SELECT CASE WHEN a THEN 1 END FROM t",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
            "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; END; SELECT 2",
            "PREPARE q AS SELECT 1", "UPDATE t SET x = E'it\\'s; COMMIT'",
        })
        void ignores(String sql) {
            assertNull(PostgresSqlScanner.scan(sql).transactionEnd(), sql);
        }
    }

    @Nested
    @DisplayName("finds what psql would not send to the server")
    class PsqlHazards {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "SELECT 1;\n\\! touch /tmp/x", "\\i other.sql", "SELECT 1 \\g", "SELECT :'password'", "SELECT :ON_ERROR_STOP",
            "SELECT a[1:n] FROM t", "SELECT 'never closed", "SELECT \"never closed", "/* never closed",
            "SELECT $$never closed", "SELECT $tag$ x $other$", "SELECT E'\\' ",
        })
        void finds(String sql) {
            assertNotNull(PostgresSqlScanner.scan(sql).psqlHazard(), sql);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "SELECT 'a\\b'", "SELECT E'a\\\\b'", "SELECT E'it\\'s'", "SELECT '\\! no'", "SELECT \"a\\b\" FROM t",
            "-- \\! no", "/* \\! no */ SELECT 1", "DO $$ BEGIN RAISE NOTICE '\\! no'; END $$",
            "SELECT x::text, a[1:2] FROM t", "SELECT $1", "SELECT a$b$ FROM t", "CREATE TABLE \"x\n\\! no\" (id int)",
            "SELECT 1 -- trailing comment",
        })
        void ignores(String sql) {
            assertNull(PostgresSqlScanner.scan(sql).psqlHazard(), sql);
        }
    }

    @Test
    @DisplayName("makes copied text one inert line")
    void inertText() {
        assertEquals("add thing\\nDROP TABLE victim;\\r\\n\\\\! touch /tmp/x", InertText.line(
                "add thing\nDROP TABLE victim;\r\n\\! touch /tmp/x"));
        assertEquals("a\\u2028b\\u2029c\\u0085d\\u202ee\\u001bf\\u0000g", InertText.line(
                "a\u2028b\u2029c\u0085d\u202ee\u001bf\u0000g"));
        assertEquals("plain ascii, kept: */ ü 日本", InertText.line("plain ascii, kept: */ ü 日本"));
        assertTrue(InertText.line("x\n--y").lines().count() == 1);
    }
}
