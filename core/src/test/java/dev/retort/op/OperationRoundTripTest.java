package dev.retort.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.op.RoundTripCase.Expectations;
import dev.retort.op.RoundTripCase.Probe;
import dev.retort.op.RoundTripCase.Setup;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation against a real PostgreSQL: it changes the catalog, and its {@code reverse()} puts the
 * catalog back exactly as it was. The cases live in one table per object kind.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Operations applied to PostgreSQL")
class OperationRoundTripTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({
            "dev.retort.op.TableRoundTrips#cases",
            "dev.retort.op.ColumnRoundTrips#cases",
            "dev.retort.op.AlterColumnRoundTrips#cases",
            "dev.retort.op.IndexAndConstraintRoundTrips#cases",
            "dev.retort.op.SequenceTypeAndSqlRoundTrips#cases"})
    @DisplayName("change the catalog, and their reverse restores it exactly")
    void reverseRestoresTheCatalog(String name, Setup setup, Operation operation, Expectations expect,
                                   TestDatabase db) throws SQLException {
        roundTrip(setup, operation, expect, db);
    }

    /** Applies {@code operation} after {@code setup}, checks what it must show, and that its reverse restores all. */
    static void roundTrip(Setup setup, Operation operation, Expectations expect, TestDatabase db) throws SQLException {
        setup.applyTo(db);
        CatalogSnapshot before = db.snapshot();

        LiveDdl.apply(db, operation);
        CatalogSnapshot after = db.snapshot();
        if (expect.changesCatalog()) {
            assertNotEquals(before, after, () -> "'" + operation.describe() + "' left the catalog unchanged:\n" + after);
        } else {
            assertEquals(before, after, () -> "'" + operation.describe() + "' changed the catalog:\n"
                    + difference(before, after));
        }
        for (String line : expect.lines()) {
            assertTrue(after.has(line), () -> "No catalog line starts with\n    " + line + "\nafter '"
                    + operation.describe() + "':\n" + after);
        }
        for (String line : expect.absent()) {
            assertFalse(after.has(line), () -> "A catalog line still starts with\n    " + line + "\nafter '"
                    + operation.describe() + "':\n" + after);
        }
        for (Probe probe : expect.probes()) {
            if (probe.afterApply() != null) {
                assertEquals(probe.afterApply(), queryOne(db, probe.query()), probe.query());
            }
        }

        Operation reverse = operation.reverse();
        LiveDdl.apply(db, reverse);
        CatalogSnapshot restored = db.snapshot();
        assertEquals(before, restored, () -> "'" + reverse.describe() + "' did not undo '" + operation.describe()
                + "':\n" + difference(before, restored));
        for (Probe probe : expect.probes()) {
            if (probe.afterReverse() != null) {
                assertEquals(probe.afterReverse(), queryOne(db, probe.query()), probe.query());
            }
        }
    }

    private static String difference(CatalogSnapshot expected, CatalogSnapshot actual) {
        StringBuilder out = new StringBuilder();
        expected.lines().stream().filter(l -> !actual.lines().contains(l)).forEach(l -> out.append("  - ").append(l).append('\n'));
        actual.lines().stream().filter(l -> !expected.lines().contains(l)).forEach(l -> out.append("  + ").append(l).append('\n'));
        return out.toString();
    }

    private static String queryOne(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            assertEquals(1, values.size(), () -> sql + " returned " + values);
            return values.get(0);
        }
    }
}
