package dev.retort.autogenerate.postgres;

import dev.retort.diff.Diff;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.platform.postgres.PostgresDialect;
import dev.retort.platform.postgres.PostgresIdentifiers;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Makes the check constraints and index predicates a downgrade re-creates come back in exactly the text the
 * catalog stores now.
 * A drop carries the constraint as {@code pg_get_constraintdef} deparsed it, but PostgreSQL does not always
 * deparse its own output the same way again: {@code status IN ('A', 'B')} on a {@code varchar} column is
 * stored as {@code (status)::text = ANY ((ARRAY['A'::character varying, ...])::text[])}, and that text, added
 * again, is stored as {@code ... ANY (ARRAY[('A'::character varying)::text, ...])}: equal in meaning, not in
 * the catalog. For each dropped check this asks the server, on a temporary copy of its table in a transaction
 * that is rolled back, which of a few spellings (the stored one first) it stores exactly as the catalog does
 * now, and puts that one in the drop's definition. Where none does, the stored text stays.
 */
public final class PostgresDowngradeSpelling {

    private static final PostgresDialect DIALECT = new PostgresDialect();

    /**
     * {@code (col)::text = ANY ((ARRAY['A'::character varying, ...])::text[])}: an IN list on a varchar column, as
     * {@code pg_get_constraintdef} prints it, or without the parentheses, as the pretty {@code pg_get_expr} of an
     * index predicate does.
     */
    private static final Pattern IN_LIST = Pattern.compile(
            "\\(?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\)?::text (=|<>) (ANY|ALL) "
                    + "\\(\\(?ARRAY\\[((?:'(?:[^']|'')*'::character varying(?:, )?)+)\\]\\)?::text\\[\\]\\)");

    /**
     * What is spelled: a check's expression, or an index's predicate (which the server prints in its pretty form),
     * on {@code table}, the table as SQL names it (qualified when it is in a schema other than the working one).
     */
    private record Spelled(String table, Index index, String text) {
    }

    /** The diff with each dropped check and index predicate in the spelling the server restores exactly. */
    public Diff apply(Connection connection, Diff diff) throws SQLException {
        // Each schema's operations are spelled together (one probe each), then put back where they were.
        List<Operation> spelled = new ArrayList<>(diff.operations());
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < spelled.size(); i++) {
            if (spelled.get(i) instanceof InSchema in) {
                positions.computeIfAbsent(in.schema(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> schema : positions.entrySet()) {
            List<Operation> inner = schema.getValue().stream().map(i -> ((InSchema) spelled.get(i)).operation()).toList();
            List<Operation> respelled = applyIn(connection, new Diff(inner, List.of(), 0), schema.getKey()).operations();
            for (int k = 0; k < respelled.size(); k++) {
                spelled.set(schema.getValue().get(k), new InSchema(schema.getKey(), respelled.get(k)));
            }
        }
        return applyIn(connection, new Diff(spelled, diff.warnings(), diff.unsupported()), null);
    }

    private Diff applyIn(Connection connection, Diff diff, String schema) throws SQLException {
        Map<String, Set<Spelled>> wanted = new LinkedHashMap<>();
        java.util.function.UnaryOperator<String> sql = table -> schema == null ? PostgresIdentifiers.quote(table)
                : PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(table);
        for (Operation op : diff.operations()) {
            if (op instanceof DropConstraint drop && drop.definition() instanceof CheckConstraint check) {
                want(wanted, new Spelled(sql.apply(drop.table()), null, check.expression()));
            } else if (op instanceof DropIndex drop && drop.definition() != null && drop.table() != null
                    && drop.definition().where() != null) {
                want(wanted, new Spelled(sql.apply(drop.table()), drop.definition(), drop.definition().where()));
            } else if (op instanceof DropTable drop && drop.definition() != null) {
                drop.definition().checks().forEach(c -> want(wanted, new Spelled(sql.apply(drop.name()), null, c.expression())));
                drop.definition().indexes().stream().filter(i -> i.where() != null)
                        .forEach(i -> want(wanted, new Spelled(sql.apply(drop.name()), i, i.where())));
            }
        }
        if (wanted.isEmpty()) {
            return diff;
        }
        Map<Spelled, String> exact = exactSpellings(connection, wanted);
        List<Operation> operations = new ArrayList<>();
        for (Operation op : diff.operations()) {
            if (op instanceof DropConstraint drop && drop.definition() instanceof CheckConstraint check) {
                operations.add(new DropConstraint(drop.table(), drop.name(), check(exact, sql.apply(drop.table()), check)));
            } else if (op instanceof DropIndex drop && drop.definition() != null && drop.table() != null) {
                operations.add(new DropIndex(drop.table(), drop.name(), index(exact, sql.apply(drop.table()), drop.definition()),
                        drop.concurrently()));
            } else if (op instanceof DropTable drop && drop.definition() != null) {
                Table table = drop.definition();
                operations.add(new DropTable(drop.name(), table
                        .withChecks(table.checks().stream().map(c -> check(exact, sql.apply(table.name()), c)).toList())
                        .withIndexes(table.indexes().stream().map(i -> index(exact, sql.apply(table.name()), i)).toList())));
            } else {
                operations.add(op);
            }
        }
        return new Diff(operations, diff.warnings(), diff.unsupported());
    }

    private static void want(Map<String, Set<Spelled>> wanted, Spelled spelled) {
        if (!respellings(spelled.text()).isEmpty()) {
            wanted.computeIfAbsent(spelled.table(), k -> new LinkedHashSet<>()).add(spelled);
        }
    }

    private static CheckConstraint check(Map<Spelled, String> exact, String table, CheckConstraint check) {
        String spelling = exact.get(new Spelled(table, null, check.expression()));
        return spelling == null ? check : new CheckConstraint(check.name(), spelling);
    }

    private static Index index(Map<Spelled, String> exact, String table, Index index) {
        String spelling = index.where() == null ? null : exact.get(new Spelled(table, index, index.where()));
        return spelling == null ? index : index.where(spelling);
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

    /** Each wanted text to the first spelling whose stored text equals it, where one does. */
    private static Map<Spelled, String> exactSpellings(Connection c, Map<String, Set<Spelled>> wanted)
            throws SQLException {
        Map<Spelled, String> out = new HashMap<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            int n = 0;
            for (Map.Entry<String, Set<Spelled>> entry : wanted.entrySet()) {
                String temp = "retort_restore_" + n++;
                if (!attempt(c, st, "CREATE TEMP TABLE " + temp + " (LIKE " + entry.getKey() + ")")) {
                    continue;
                }
                for (Spelled spelled : entry.getValue()) {
                    for (String candidate : respellings(spelled.text())) {
                        String stored = spelled.index() == null ? checkSpelling(c, st, temp, candidate)
                                : predicateSpelling(c, st, temp, spelled.index().where(candidate));
                        if (spelled.text().equals(stored)) {
                            out.put(spelled, candidate);
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
    private static String checkSpelling(Connection c, Statement st, String temp, String expression) throws SQLException {
        if (!attempt(c, st, "ALTER TABLE " + temp + " ADD CONSTRAINT retort_k CHECK (" + expression + ")")) {
            return null;
        }
        String stored;
        try (ResultSet rs = st.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = 'pg_temp." + temp + "'::regclass AND conname = 'retort_k'")) {
            stored = rs.next() ? PostgresSpellingProbe.checkBody(rs.getString(1)) : null;
        }
        st.execute("ALTER TABLE " + temp + " DROP CONSTRAINT retort_k");
        return stored;
    }

    /** How the server prints {@code index}'s predicate once built on {@code temp}, as the catalog reader reads it. */
    private static String predicateSpelling(Connection c, Statement st, String temp, Index index) throws SQLException {
        Index probe = new Index("retort_i", index.elements(), false, index.method(), index.where(), index.include());
        String create = DIALECT.statements(new CreateIndex(temp, probe, false)).get(0).sql();
        if (!attempt(c, st, create)) {
            return null;
        }
        String stored;
        try (ResultSet rs = st.executeQuery("SELECT pg_get_expr(indpred, indrelid, true) FROM pg_index "
                + "WHERE indexrelid = 'pg_temp.retort_i'::regclass")) {
            stored = rs.next() ? rs.getString(1) : null;
        }
        st.execute("DROP INDEX pg_temp.retort_i");
        return stored;
    }

    private static boolean attempt(Connection c, Statement st, String sql) throws SQLException {
        return PostgresSpellingProbe.tryExecute(c, st, sql);
    }
}
