package dev.retort.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("The platform seam")
class PlatformTest {

    @Test
    @DisplayName("is chosen from the JDBC URL, and a database Retort does not support is refused naming it, without its password")
    void chosenFromTheUrl() {
        assertSame(Platform.postgres(), Platform.forUrl("jdbc:postgresql://127.0.0.1:5432/app"));
        assertEquals("PostgreSQL", Platform.forUrl(null).name());
        assertSame(Platform.mariadb(), Platform.forUrl("jdbc:mariadb://127.0.0.1:3306/app?user=root"));
        RetortException e = assertThrows(RetortException.class,
                () -> Platform.forUrl("jdbc:mysql://127.0.0.1:3306/app?user=root&password=s3cret"));
        assertTrue(e.getMessage().contains("MySQL") && e.getMessage().contains("not supported yet")
                && !e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    @DisplayName("answers the runtime's catalog questions and holds the migration lock on PostgreSQL")
    void postgres(TestDatabase db) throws Exception {
        Platform p = Platform.postgres();
        db.execute("CREATE TABLE t (v varchar(64) NOT NULL, n integer)", "CREATE VIEW w AS SELECT 1 AS one");
        try (Connection c = db.connect(); Connection other = db.connect()) {
            assertEquals("public", p.currentSchema(c));
            assertEquals(Map.of("n", "integer", "v", "character varying(64)"), p.tableColumns(c, "t"));
            assertEquals(Map.of("(relkind)", "v"), p.tableColumns(c, "w"));
            assertEquals(null, p.tableColumns(c, "missing"));
            assertTrue(p.isTextual("character varying(64)") && !p.isTextual("integer"));
            assertTrue(p.tryMigrationLock(c, 42));
            assertTrue(!p.tryMigrationLock(other, 42), "a second session waits");
            p.releaseMigrationLock(c, 42);
            assertTrue(p.tryMigrationLock(other, 42));
        }
    }
}
