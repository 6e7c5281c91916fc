package dev.retort.autogenerate.postgres;

import dev.retort.autogenerate.postgres.PostgresComparisonDialect;
import dev.retort.diff.ServerSpellings;
import dev.retort.platform.postgres.PostgresIdentifiers;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Schema;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks PostgreSQL how it spells the desired side's types, defaults and check expressions, by creating them on
 * temporary tables inside a transaction that is rolled back. The comparator then compares the database's
 * spelling with the database's spelling: {@code status in ('A','B')} and
 * {@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))} agree without guesswork.
 * Only what the rewrite rules cannot settle is sent, in a few statements whatever the schema size.
 */
public final class PostgresSpellingProbe {

    private final PostgresComparisonDialect rules = new PostgresComparisonDialect();

    public ServerSpellings canonicalize(Connection connection, Schema desired, Schema actual) throws SQLException {
        Map<String, Table> existing = actual.tables().stream().collect(Collectors.toMap(Table::name, Function.identity()));
        Set<String> types = new LinkedHashSet<>();
        Map<List<String>, String> defaults = new LinkedHashMap<>();
        Map<String, List<String>> checks = new LinkedHashMap<>();
        Map<String, Map<String, String>> generated = new LinkedHashMap<>();
        Map<String, String> views = new LinkedHashMap<>();
        Set<String> existingViews = actual.views().stream().map(dev.retort.schema.View::name).collect(Collectors.toSet());
        for (dev.retort.schema.View view : desired.views()) {
            if (existingViews.contains(view.name())) {
                views.put(view.name(), view.query());
            }
        }
        for (Table table : desired.tables()) {
            table.columns().forEach(c -> types.add(c.type().sql()));
            Table current = existing.get(table.name());
            if (current == null) {
                continue;
            }
            for (Column column : table.columns()) {
                Optional<Column> other = current.column(column.name());
                if (column.defaultValue() != null && column.identity() == null && other.isPresent()
                        && !rules.sameDefault(column, column.defaultValue(), other.get().defaultValue())) {
                    defaults.put(List.of(column.type().sql(), column.defaultValue().sql()), null);
                }
                if (column.generated() != null && other.isPresent() && other.get().generated() != null
                        && !rules.sameGenerated(table.name(), column.generated(), other.get().generated())) {
                    generated.computeIfAbsent(table.name(), k -> new LinkedHashMap<>())
                            .put(column.generated(), column.type().sql());
                }
            }
            for (CheckConstraint check : table.checks()) {
                boolean settled = current.checks().stream()
                        .anyMatch(c -> rules.sameCheck(table.name(), check.expression(), c.expression()));
                if (!settled) {
                    checks.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(check.expression());
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            String refused = refusal(connection, st, "CREATE TEMP TABLE retort_probe ()");
            if (refused != null) {
                return new Forms(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), "the database refused a temporary table (" + refused
                        + ")");
            }
            st.execute("DROP TABLE retort_probe");
            Map<String, String> canonicalTypes = canonicalTypes(connection, st, new ArrayList<>(types));
            Map<List<String>, String> canonicalDefaults = canonicalDefaults(connection, st, defaults.keySet());
            Map<List<String>, String> canonicalChecks = canonicalChecks(connection, st, desired, checks);
            Map<List<String>, String> canonicalGenerated = canonicalGenerated(connection, st, desired, generated);
            Map<String, String> canonicalViews = canonicalViews(connection, st, views);
            return new Forms(canonicalTypes, canonicalDefaults, canonicalChecks, canonicalGenerated, canonicalViews,
                    null);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** One temporary table with a column per distinct type; types that do not exist yet are left to the rules. */
    private static Map<String, String> canonicalTypes(Connection c, Statement st, List<String> types) throws SQLException {
        Map<String, String> out = new HashMap<>();
        List<String> chunk = new ArrayList<>();
        for (String type : types) {
            chunk.add(type);
            if (chunk.size() == 1000) {
                typeChunk(c, st, chunk, out);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            typeChunk(c, st, chunk, out);
        }
        return out;
    }

    private static void typeChunk(Connection c, Statement st, List<String> types, Map<String, String> out)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add("c" + i + " " + types.get(i));
        }
        if (tryExecute(c, st, "CREATE TEMP TABLE retort_types (" + String.join(", ", columns) + ")")) {
            readAttributes(st, "retort_types", types, out);
            st.execute("DROP TABLE retort_types");
            return;
        }
        for (String type : types) {
            if (tryExecute(c, st, "CREATE TEMP TABLE retort_types (c0 " + type + ")")) {
                readAttributes(st, "retort_types", List.of(type), out);
                st.execute("DROP TABLE retort_types");
            }
        }
    }

    private static void readAttributes(Statement st, String table, List<String> types, Map<String, String> out)
            throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT attnum, format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = 'pg_temp." + table + "'::regclass AND attnum > 0 AND NOT attisdropped")) {
            while (rs.next()) {
                out.put(types.get(rs.getInt(1) - 1), rs.getString(2));
            }
        }
    }

    /** One temporary table with a column per (type, default) pair; what fails to parse is left to the rules. */
    private static Map<List<String>, String> canonicalDefaults(Connection c, Statement st, Set<List<String>> pairs)
            throws SQLException {
        Map<List<String>, String> out = new HashMap<>();
        if (pairs.isEmpty()) {
            return out;
        }
        List<List<String>> list = new ArrayList<>(pairs);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            columns.add("c" + i + " " + list.get(i).get(0) + " DEFAULT " + list.get(i).get(1));
        }
        if (tryExecute(c, st, "CREATE TEMP TABLE retort_defaults (" + String.join(", ", columns) + ")")) {
            readDefaults(st, list, out);
            st.execute("DROP TABLE retort_defaults");
            return out;
        }
        for (List<String> pair : list) {
            if (tryExecute(c, st, "CREATE TEMP TABLE retort_defaults (c0 " + pair.get(0) + " DEFAULT " + pair.get(1) + ")")) {
                readDefaults(st, List.of(pair), out);
                st.execute("DROP TABLE retort_defaults");
            }
        }
        return out;
    }

    private static void readDefaults(Statement st, List<List<String>> pairs, Map<List<String>, String> out)
            throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef "
                + "WHERE adrelid = 'pg_temp.retort_defaults'::regclass")) {
            while (rs.next()) {
                out.put(pairs.get(rs.getInt(1) - 1), rs.getString(2));
            }
        }
    }

    /** A temporary copy of each table (its desired columns) carrying the checks to spell. */
    private static Map<List<String>, String> canonicalChecks(Connection c, Statement st, Schema desired,
                                                             Map<String, List<String>> checks) throws SQLException {
        Map<List<String>, String> out = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, List<String>> entry : checks.entrySet()) {
            Table table = desired.table(entry.getKey()).orElseThrow();
            String temp = "retort_checks_" + n++;
            if (!tempCopy(c, st, temp, table, true)) {
                continue;
            }
            List<String> expressions = entry.getValue();
            for (int i = 0; i < expressions.size(); i++) {
                tryExecute(c, st, "ALTER TABLE " + temp + " ADD CONSTRAINT k" + i + " CHECK (" + expressions.get(i) + ")");
            }
            try (ResultSet rs = st.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = 'pg_temp." + temp + "'::regclass AND contype = 'c'")) {
                while (rs.next()) {
                    int i = Integer.parseInt(rs.getString(1).substring(1));
                    out.put(List.of(table.name(), expressions.get(i)), checkBody(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /**
     * A temporary copy of each table (its desired ordinary columns) with one generated column per expression to
     * spell (expression → the column's type).
     */
    private static Map<List<String>, String> canonicalGenerated(Connection c, Statement st, Schema desired,
                                                                Map<String, Map<String, String>> generated)
            throws SQLException {
        Map<List<String>, String> out = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, Map<String, String>> entry : generated.entrySet()) {
            Table table = desired.table(entry.getKey()).orElseThrow();
            String temp = "retort_generated_" + n++;
            if (!tempCopy(c, st, temp, table, false)) {
                continue;
            }
            List<String> expressions = new ArrayList<>(entry.getValue().keySet());
            for (int i = 0; i < expressions.size(); i++) {
                tryExecute(c, st, "ALTER TABLE " + temp + " ADD COLUMN retort_g" + i + " "
                        + entry.getValue().get(expressions.get(i)) + " GENERATED ALWAYS AS (" + expressions.get(i)
                        + ") STORED");
            }
            try (ResultSet rs = st.executeQuery("SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d "
                    + "JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
                    + "WHERE d.adrelid = 'pg_temp." + temp + "'::regclass AND a.attname LIKE 'retort_g%'")) {
                while (rs.next()) {
                    int i = Integer.parseInt(rs.getString(1).substring("retort_g".length()));
                    out.put(List.of(table.name(), expressions.get(i)), rs.getString(2));
                }
            }
        }
        return out;
    }

    /**
     * Each desired view's query as a temporary view over the database's tables as they are, spelled back by
     * {@code pg_get_viewdef}; a query over tables or columns that do not exist yet is left to the rules (the view is
     * then replaced, as it would have to be anyway).
     */
    private static Map<String, String> canonicalViews(Connection c, Statement st, Map<String, String> views)
            throws SQLException {
        Map<String, String> out = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> view : views.entrySet()) {
            String temp = "retort_view_" + n++;
            if (tryExecute(c, st, "CREATE TEMP VIEW " + temp + " AS " + view.getValue())) {
                try (ResultSet rs = st.executeQuery("SELECT pg_get_viewdef('pg_temp." + temp + "'::regclass)")) {
                    rs.next();
                    out.put(view.getKey(), rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * A temporary table {@code temp} with {@code table}'s desired columns, each with its type only, the generated
     * ones left out unless {@code withGenerated} (a generation expression may name only ordinary columns); false
     * when refused.
     */
    private static boolean tempCopy(Connection c, Statement st, String temp, Table table, boolean withGenerated)
            throws SQLException {
        String columns = table.columns().stream().filter(col -> withGenerated || col.generated() == null)
                .map(col -> PostgresIdentifiers.quote(col.name()) + " " + col.type().sql())
                .collect(Collectors.joining(", "));
        return tryExecute(c, st, "CREATE TEMP TABLE " + temp + " (" + columns + ")");
    }

    /** {@code CHECK ((a > 0)) NOT VALID} gives {@code (a > 0)}. */
    static String checkBody(String definition) {
        String s = definition.strip();
        if (s.endsWith(" NOT VALID")) {
            s = s.substring(0, s.length() - " NOT VALID".length());
        }
        if (s.startsWith("CHECK (") && s.endsWith(")")) {
            s = s.substring("CHECK (".length(), s.length() - 1);
        }
        return s;
    }

    /** Runs {@code sql} under a savepoint; on failure rolls back to it and reports false. */
    static boolean tryExecute(Connection c, Statement st, String sql) throws SQLException {
        return refusal(c, st, sql) == null;
    }

    /** Runs {@code sql} under a savepoint: {@code null} when it worked, else the server's message (rolled back). */
    private static String refusal(Connection c, Statement st, String sql) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            st.execute(sql);
            c.releaseSavepoint(savepoint);
            return null;
        } catch (SQLException e) {
            c.rollback(savepoint);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            message = message.lines().findFirst().orElse(message); // the server's message, not its "Position: n"
            return message.startsWith("ERROR: ") ? message.substring("ERROR: ".length()) : message;
        }
    }

    private record Forms(Map<String, String> types, Map<List<String>, String> defaults,
                         Map<List<String>, String> checks, Map<List<String>, String> generated,
                         Map<String, String> views, String unavailable) implements ServerSpellings {
        @Override
        public String type(String type) {
            return types.get(type);
        }

        @Override
        public String defaultValue(String type, String expression) {
            return defaults.get(List.of(type, expression));
        }

        @Override
        public String check(String table, String expression) {
            return checks.get(List.of(table, expression));
        }

        @Override
        public String generated(String table, String expression) {
            return generated.get(List.of(table, expression));
        }

        @Override
        public String view(String view, String query) {
            return views.get(view);
        }
    }
}
