package dev.retort.autogenerate.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("MariaDB's spelling rules")
class MariaDbSpellingRulesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "integer|int(11)", "bigint|bigint(20)", "smallint|smallint(6)", "tinyint|tinyint(4)",
            "bit|bit(1)", "boolean|tinyint(1)", "double precision|double", "float(53)|double",
            "numeric(12,2)|decimal(12,2)", "decimal|decimal(10,0)", "character varying(20)|varchar(20)",
            "datetime|datetime(0)", "int unsigned|int(10) unsigned", "enum ('A', 'B')|enum('A','B')",
            "VARCHAR(255)|varchar(255)"})
    @DisplayName("treats as one type what MariaDB stores as one")
    void sameType(String hibernate, String server) {
        assertEquals(MariaDbSpellingRules.type(server), MariaDbSpellingRules.type(hibernate));
    }

    @Test
    @DisplayName("keeps apart what differs: lengths, signedness, the boolean width, enum values")
    void differentTypes() {
        assertNotEquals(MariaDbSpellingRules.type("varchar(20)"), MariaDbSpellingRules.type("varchar(21)"));
        assertNotEquals(MariaDbSpellingRules.type("int"), MariaDbSpellingRules.type("int unsigned"));
        assertNotEquals(MariaDbSpellingRules.type("tinyint"), MariaDbSpellingRules.type("tinyint(1)"));
        assertNotEquals(MariaDbSpellingRules.type("enum('A','B')"), MariaDbSpellingRules.type("enum('A','C')"));
        assertNotEquals(MariaDbSpellingRules.type("datetime(6)"), MariaDbSpellingRules.type("datetime"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "CURRENT_TIMESTAMP|current_timestamp(6)", "now()|current_timestamp()", "true|b'1'", "false|b'0'",
            "'open'|'open'"})
    @DisplayName("treats as one default what MariaDB stores in its own words")
    void sameDefault(String hibernate, String server) {
        assertEquals(MariaDbSpellingRules.defaultValue(server), MariaDbSpellingRules.defaultValue(hibernate));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "email = lower(email)|`email` = lcase(`email`)", "(price >= 0)|`price` >= 0",
            "status between 0 and 2|`status` between 0 and 2", "upper(code) = code|ucase(`code`) = `code`"})
    @DisplayName("treats as one check what MariaDB stores rewritten: backquotes, outer parentheses, lcase()")
    void sameCheck(String hibernate, String server) {
        assertEquals(MariaDbSpellingRules.expression(server), MariaDbSpellingRules.expression(hibernate));
    }

    @Test
    @DisplayName("keeps string literals as written")
    void literalsKept() {
        assertNotEquals(MariaDbSpellingRules.expression("code = 'A'"), MariaDbSpellingRules.expression("code = 'a'"));
    }
}
