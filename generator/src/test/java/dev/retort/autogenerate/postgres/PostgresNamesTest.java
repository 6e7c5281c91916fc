package dev.retort.autogenerate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hibernate.boot.model.naming.Identifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Users                 | users          | unquoted @Table(name = "Users")
            `Users`               | Users          | Hibernate's backtick quoting
            "Users"               | Users          | @Table(name = "\\"Users\\"")
            FKa5jh3jwogp28kq7871  | fka5jh3jwogp28kq7871 | a generated foreign key name, written unquoted
            Übung_ID              | Übung_id       | PostgreSQL folds ASCII letters only (UTF-8 database)
            """)
    @DisplayName("folds a name written verbatim the way PostgreSQL does")
    void foldsVerbatimNames(String written, String stored, String why) {
        assertEquals(stored, PostgresNames.verbatimName(written), why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a_name_of_seventy_characters_is_longer_than_postgres_allows_for_xyz, "
                    + "a_name_of_seventy_characters_is_longer_than_postgres_allows_for",
            "éééééééééééééééééééééééééééééééééééé, ééééééééééééééééééééééééééééééé",
            "short, short"})
    @DisplayName("cuts names to 63 bytes without splitting a character")
    void truncatesLikePostgres(String name, String cut) {
        assertEquals(cut, PostgresNames.truncate(name));
    }

    @ParameterizedTest(name = "{0} quoted={1} -> {2}")
    @CsvSource({"Users, false, users", "Users, true, Users", "order, true, order"})
    @DisplayName("keeps the case of quoted identifiers only")
    void identifiers(String text, boolean quoted, String stored) {
        assertEquals(stored, PostgresNames.of(Identifier.toIdentifier(text, quoted)));
    }
}
