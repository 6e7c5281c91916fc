package dev.retort.catalog;

import dev.retort.ddl.PostgresIdentifiers;
import dev.retort.diff.Diff;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropTable;
import dev.retort.op.Operation;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the check constraints a downgrade re-creates come back in exactly the text the catalog stores now.
 * A drop carries the constraint as {@code pg_get_constraintdef} deparsed it, but PostgreSQL does not always
 * deparse its own output the same way again: {@code status IN ('A', 'B')} on a {@code varchar} column is
 * stored as {@code (status)::text = ANY ((ARRAY['A'::character varying, ...])::text[])}, and that text, added
 * again, is stored as {@code ... ANY (ARRAY[('A'::character varying)::text, ...])}: equal in meaning, not in
 * the catalog. For each dropped check this asks the server, on a temporary copy of its table in a transaction
 * that is rolled back, which of a few spellings (the stored one first) it stores exactly as the catalog does
 * now, and puts that one in the drop's definition. Where none does, the stored text stays.
 */
public final class DowngradeSpelling {

    /** {@code (col)::text = ANY ((ARRAY['A'::character varying, ...])::text[])}: an IN list on a varchar column. */
    private static final Pattern IN_LIST = Pattern.compile(
            "\\((\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\)::text (=|<>) (ANY|ALL) "
                    + "\\(\\(ARRAY\\[((?:'(?:[^']|'')*'::character varying(?:, )?)+)\\]\\)::text\\[\\]\\)");

    /** The diff with each dropped check's definition in the spelling the server restores exactly. */
    public Diff apply(Connection connection, Diff diff) throws SQLException {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (Operation op : diff.operations()) {
            if (op instanceof DropConstraint drop && drop.definition() instanceof CheckConstraint check
                    && !respellings(check.expression()).isEmpty()) {
                wanted.computeIfAbsent(drop.table(), k -> new LinkedHashSet<>()).add(check.expression());
            } else if (op instanceof DropTable drop && drop.definition() != null) {
                for (CheckConstraint check : drop.definition().checks()) {
                    if (!respellings(check.expression()).isEmpty()) {
                        wanted.computeIfAbsent(drop.name(), k -> new LinkedHashSet<>()).add(check.expression());
                    }
                }
            }
        }
        if (wanted.isEmpty()) {
            return diff;
        }
        Map<List<String>, String> exact = exactSpellings(connection, wanted);
        List<Operation> operations = new ArrayList<>();
        for (Operation op : diff.operations()) {
            if (op instanceof DropConstraint drop && drop.definition() instanceof CheckConstraint check) {
                operations.add(new DropConstraint(drop.table(), drop.name(), respelled(exact, drop.table(), check)));
            } else if (op instanceof DropTable drop && drop.definition() != null) {
                Table table = drop.definition();
                operations.add(new DropTable(drop.name(), table.withChecks(table.checks().stream()
                        .map(c -> respelled(exact, table.name(), c)).toList())));
            } else {
                operations.add(op);
            }
        }
        return new Diff(operations, diff.warnings(), diff.unsupported());
    }

    private static CheckConstraint respelled(Map<List<String>, String> exact, String table, CheckConstraint check) {
        String spelling = exact.get(List.of(table, check.expression()));
        return spelling == null ? check : new CheckConstraint(check.name(), spelling);
    }

    /**
     * The other spellings worth trying for {@code expression}, most likely first; empty when PostgreSQL is known
     * to store the expression as it reads it.
     */
    static List<String> respellings(String expression) {
        Matcher m = IN_LIST.matcher(expression);
        if (!m.find()) {
            return List.of();
        }
        // The varchar column compared with an array of varchar, as the IN list was before the parser cast both.
        String plain = m.reset().replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " " + r.group(2) + " " + r.group(3)
                + " (ARRAY[" + r.group(4) + "])"));
        return List.of(plain);
    }

    /** (table, stored expression) to the first spelling whose stored text equals it, where one does. */
    private static Map<List<String>, String> exactSpellings(Connection c, Map<String, Set<String>> wanted)
            throws SQLException {
        Map<List<String>, String> out = new HashMap<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            int n = 0;
            for (Map.Entry<String, Set<String>> entry : wanted.entrySet()) {
                String temp = "retort_restore_" + n++;
                if (!attempt(c, st, "CREATE TEMP TABLE " + temp + " (LIKE " + PostgresIdentifiers.quote(entry.getKey())
                        + ")")) {
                    continue;
                }
                for (String stored : entry.getValue()) {
                    for (String candidate : respellings(stored)) {
                        if (stored.equals(spelling(c, st, temp, candidate))) {
                            out.put(List.of(entry.getKey(), stored), candidate);
                            break;
                        }
                    }
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        return out;
    }

    /** How the server stores {@code expression} as a check on {@code temp}, or {@code null} when it refuses it. */
    private static String spelling(Connection c, Statement st, String temp, String expression) throws SQLException {
        if (!attempt(c, st, "ALTER TABLE " + temp + " ADD CONSTRAINT retort_k CHECK (" + expression + ")")) {
            return null;
        }
        String stored;
        try (ResultSet rs = st.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = 'pg_temp." + temp + "'::regclass AND conname = 'retort_k'")) {
            stored = rs.next() ? PostgresCanonicalizer.checkBody(rs.getString(1)) : null;
        }
        st.execute("ALTER TABLE " + temp + " DROP CONSTRAINT retort_k");
        return stored;
    }

    private static boolean attempt(Connection c, Statement st, String sql) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            st.execute(sql);
            c.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            c.rollback(savepoint);
            return false;
        }
    }
}
