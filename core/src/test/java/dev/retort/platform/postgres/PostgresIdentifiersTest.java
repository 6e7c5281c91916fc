package dev.retort.platform.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(FreshDatabase.class)
class PostgresIdentifiersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "reminders|reminders",
            "user|\"user\"",
            "order|\"order\"",
            "due_at|due_at",
            "_private|_private",
            "DueAt|\"DueAt\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "2fa|\"2fa\"",
            "name|name",
            "value|value",
            "time|\"time\"",
            "with space|\"with space\"",
            "dollar$|\"dollar$\"",
            "ünïcode|\"ünïcode\"",
    })
    @DisplayName("quotes exactly the identifiers PostgreSQL needs quoted")
    void quotesOnlyWhereNeeded(String identifier, String expected) {
        assertEquals(expected, PostgresIdentifiers.quote(identifier));
    }

    @Test
    @DisplayName("agrees with the server's quote_ident() on every keyword it knows")
    void agreesWithQuoteIdentOnEveryKeyword(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT word, quote_ident(word) FROM pg_get_keywords() UNION ALL "
                             + "SELECT w, quote_ident(w) FROM unnest(?::text[]) w")) {
            ps.setArray(1, c.createArrayOf("text", List.of("Users", "a b", "x\"y", "tbl_1", "_x", "1x", "é").toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                int checked = 0;
                while (rs.next()) {
                    assertEquals(rs.getString(2), PostgresIdentifiers.quote(rs.getString(1)), rs.getString(1));
                    checked++;
                }
                assertEquals(true, checked > 400, "checked " + checked + " keywords");
            }
        }
    }
}
