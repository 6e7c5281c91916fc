package dev.retort.realworld;

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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts one row into every table of a schema it can fill from the catalog alone, the way a test of a real
 * database would find it: every column holds a value (of its type; the first value a single-column check
 * allows; the parent row's key in a foreign key), parents before children. A table whose row the server
 * refuses (a cycle of required references, a check it cannot read) is left empty and named in
 * {@link #skipped()}. {@link #dump(Connection, Set)} reads the rows back as text, each value in the type its column
 * had when seeded (a {@code timestamp} that became {@code timestamptz} holds the same instant, spelled otherwise),
 * to hold them against later.
 */
final class Seeder {

    private record Column(String name, String type, String typeName, char typeType, char category, boolean notNull,
                          boolean generated, int length) {
    }

    private record ForeignKey(String table, List<String> columns, String target, List<String> targetColumns) {
    }

    /** Stands for a new large object holding {@code seed}, as Hibernate stores a {@code @Lob}. */
    private static final String LARGE_OBJECT = "\u0000large object";

    private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?");

    private final Map<String, List<Column>> columns = new TreeMap<>();
    private final Map<String, List<ForeignKey>> foreignKeys = new HashMap<>();
    private final Map<String, Map<String, String>> checkValues = new HashMap<>();
    private final Map<String, List<String>> enumLabels = new HashMap<>();
    private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private Seeder() {
    }

    /** Seeds {@code public} (all but {@code exclude}) in one transaction, committed. */
    static Seeder seed(Connection connection, Set<String> exclude) throws SQLException {
        Seeder seeder = new Seeder();
        seeder.read(connection, exclude);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            seeder.insertAll(connection);
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return seeder;
    }

    /** The tables that got their row, in insertion order. */
    Set<String> seeded() {
        return new LinkedHashSet<>(rows.keySet());
    }

    List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** Every table that holds a foreign key to {@code table}, directly or through others, seeded or not. */
    Set<String> dependentsOf(String table) {
        Set<String> found = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(table));
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            for (List<ForeignKey> fks : foreignKeys.values()) {
                for (ForeignKey fk : fks) {
                    if (fk.target().equals(next) && !fk.table().equals(next) && found.add(fk.table())) {
                        queue.add(fk.table());
                    }
                }
            }
        }
        return found;
    }

    /**
     * Each of {@code tables}' rows as column → text, for the columns the table has now, each read as the type it had
     * when seeded (cast back, where it changed since).
     */
    Map<String, Map<String, String>> dump(Connection connection, Set<String> tables) throws SQLException {
        Map<String, Map<String, String>> dump = new TreeMap<>();
        try (Statement st = connection.createStatement()) {
            for (String table : tables) {
                List<String> select = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT a.attname, a.atttypid = 'oid'::regtype FROM pg_attribute a "
                        + "WHERE a.attrelid = to_regclass("
                        + "'public." + quote(table).replace("'", "''") + "') AND a.attnum > 0 AND NOT a.attisdropped "
                        + "ORDER BY a.attnum")) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        String seededType = columns.getOrDefault(table, List.of()).stream()
                                .filter(c -> c.name().equals(column)).map(Column::type).findFirst().orElse(null);
                        // a large object (a @Lob) is read by its content, whichever side of a change it is on
                        boolean largeObject = rs.getBoolean(2);
                        boolean seededLargeObject = "oid".equals(seededType);
                        String value = largeObject ? "convert_from(lo_get(" + quote(column) + "), 'UTF8')" : quote(column);
                        String cast = seededType == null || seededLargeObject ? "" : "::" + seededType;
                        select.add(value + cast + "::text AS " + quote(column));
                    }
                }
                if (select.isEmpty()) {
                    continue; // the table is gone
                }
                try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", select) + " FROM public." + quote(table))) {
                    int n = rs.getMetaData().getColumnCount();
                    int count = 0;
                    while (rs.next()) {
                        Map<String, String> row = new TreeMap<>();
                        for (int i = 1; i <= n; i++) {
                            row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                        }
                        dump.put(count++ == 0 ? table : table + "#" + count, row);
                    }
                }
            }
        }
        return dump;
    }

    private void read(Connection connection, Set<String> exclude) throws SQLException {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typname, t.typtype,
                           t.typcategory, a.attnotnull, a.attgenerated <> '' OR a.attidentity = 'a',
                           CASE WHEN a.atttypmod > 4 AND t.typcategory = 'S' THEN a.atttypmod - 4 ELSE 0 END
                    FROM pg_attribute a
                    JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_type t ON t.oid = a.atttypid
                    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                    ORDER BY c.relname, a.attnum""")) {
                while (rs.next()) {
                    if (!exclude.contains(rs.getString(1))) {
                        columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Column(rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5).charAt(0), rs.getString(6).charAt(0),
                                rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT c.relname, t.relname,
                           (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(f.conkey) WITH ORDINALITY k(n, i)
                              JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.n),
                           (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(f.confkey) WITH ORDINALITY k(n, i)
                              JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.n)
                    FROM pg_constraint f
                    JOIN pg_class c ON c.oid = f.conrelid
                    JOIN pg_class t ON t.oid = f.confrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE f.contype = 'f' AND n.nspname = 'public'
                    ORDER BY c.relname, f.conname""")) {
                while (rs.next()) {
                    ForeignKey fk = new ForeignKey(rs.getString(1), List.of((String[]) rs.getArray(3).getArray()),
                            rs.getString(2), List.of((String[]) rs.getArray(4).getArray()));
                    foreignKeys.computeIfAbsent(fk.table(), t -> new ArrayList<>()).add(fk);
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT c.relname, a.attname, pg_get_constraintdef(k.oid)
                    FROM pg_constraint k
                    JOIN pg_class c ON c.oid = k.conrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                    WHERE k.contype = 'c' AND n.nspname = 'public' AND cardinality(k.conkey) = 1
                    ORDER BY c.relname, k.conname""")) {
                while (rs.next()) {
                    String value = allowedValue(rs.getString(3));
                    if (value != null) {
                        checkValues.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).putIfAbsent(rs.getString(2), value);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
                    ORDER BY t.typname, e.enumsortorder""")) {
                while (rs.next()) {
                    enumLabels.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
    }

    /** The first string literal of a single-column check, else its first number, as the value to give. */
    private static String allowedValue(String check) {
        Matcher s = STRING_LITERAL.matcher(check);
        if (s.find()) {
            return s.group(1).replace("''", "'");
        }
        Matcher n = NUMBER.matcher(check);
        return n.find() ? n.group() : null;
    }

    /** Inserts parents before children: a table goes in once every table its required references name has a row. */
    private void insertAll(Connection connection) throws SQLException {
        Set<String> pending = new LinkedHashSet<>(columns.keySet());
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (String table : List.copyOf(pending)) {
                if (!requiredParentsSeeded(table, pending)) {
                    continue;
                }
                pending.remove(table);
                progress = true;
                insert(connection, table);
            }
        }
        skipped.addAll(pending);
    }

    private boolean requiredParentsSeeded(String table, Set<String> pending) {
        for (ForeignKey fk : foreignKeys.getOrDefault(table, List.of())) {
            if (!fk.target().equals(table) && pending.contains(fk.target()) && required(table, fk)) {
                return false;
            }
        }
        return true;
    }

    private boolean required(String table, ForeignKey fk) {
        return columns.get(table).stream().anyMatch(c -> c.notNull() && fk.columns().contains(c.name()));
    }

    private void insert(Connection connection, String table) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Column column : columns.get(table)) {
            if (!column.generated()) {
                values.put(column.name(), valueFor(table, column));
            }
        }
        for (ForeignKey fk : foreignKeys.getOrDefault(table, List.of())) {
            Map<String, String> parent = rows.get(fk.target());
            for (int i = 0; i < fk.columns().size(); i++) {
                values.put(fk.columns().get(i), parent == null ? null : parent.get(fk.targetColumns().get(i)));
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO public.").append(quote(table)).append(" (");
        StringBuilder list = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (list.length() > 0) {
                sql.append(", ");
                list.append(", ");
            }
            sql.append(quote(e.getKey()));
            list.append(e.getValue() == null ? "NULL" : e.getValue().equals(LARGE_OBJECT)
                    ? "lo_from_bytea(0, convert_to('seed', 'UTF8'))" : "'" + e.getValue().replace("'", "''") + "'");
        }
        sql.append(") VALUES (").append(list).append(')');
        Savepoint savepoint = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            st.execute(sql.toString());
            connection.releaseSavepoint(savepoint);
            rows.put(table, values);
        } catch (SQLException refused) {
            connection.rollback(savepoint);
            skipped.add(table + " (" + refused.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private String valueFor(String table, Column column) {
        String allowed = checkValues.getOrDefault(table, Map.of()).get(column.name());
        if (allowed != null) {
            return allowed;
        }
        if (column.typeType() == 'e') {
            return enumLabels.get(column.typeName()).get(0);
        }
        return switch (column.category()) {
            case 'S' -> column.length() > 0 && column.length() < 4 ? "s".repeat(column.length()) : "seed";
            case 'N' -> column.typeName().equals("oid") ? LARGE_OBJECT : "1"; // an oid: a real large object
            case 'B' -> "true";
            case 'D' -> switch (column.typeName()) {
                case "date" -> "2024-02-29";
                case "time", "timetz" -> "12:34:56";
                default -> "2024-02-29 12:34:56.123456";
            };
            case 'T' -> "1 day";
            case 'A' -> "{}";
            case 'U' -> switch (column.typeName()) {
                case "uuid" -> "00000000-0000-4000-8000-000000000001";
                case "bytea" -> "\\x0102";
                case "json", "jsonb" -> "{\"seed\": 1}";
                case "xml" -> "<seed/>";
                default -> null;
            };
            default -> null;
        };
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
