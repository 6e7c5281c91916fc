package dev.retort.autogenerate.mariadb;

import dev.retort.catalog.Catalog;
import dev.retort.catalog.CatalogFilter;
import dev.retort.catalog.CatalogReadException;
import dev.retort.catalog.CatalogReader;
import dev.retort.platform.mariadb.MariaDbIdentifiers;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.Deferrability;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MariaDB database (MariaDB's schema) from {@code information_schema} in seven bulk queries whatever the
 * number of tables (one more, a {@code UNION ALL} over them, when it has sequences), as the server spells it:
 * {@code COLUMN_TYPE} ({@code bigint(20)}, {@code enum('A','B')}), defaults ({@code current_timestamp()},
 * {@code 'text'}), {@code auto_increment}, collations where they differ from the table's, check clauses as
 * stored. What MariaDB makes of the DDL is undone here so the model says what was asked for: the index it adds
 * for a foreign key that has none is left out, a {@code json} column (a {@code longtext} with a
 * {@code json_valid} check) reads as {@code json}, and {@code RESTRICT} (InnoDB's {@code NO ACTION}) as no action.
 */
public final class MariaDbCatalogReader implements CatalogReader {

    private static final String TABLES = """
            SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, TABLE_COLLATION FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME""";

    private static final String COLUMNS = """
            SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLLATION_NAME,
                   COLUMN_COMMENT, IS_GENERATED, GENERATION_EXPRESSION
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION""";

    private static final String KEYS = """
            SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.CONSTRAINT_TYPE, u.COLUMN_NAME, u.REFERENCED_TABLE_SCHEMA,
                   u.REFERENCED_TABLE_NAME, u.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE
            FROM information_schema.TABLE_CONSTRAINTS k
            JOIN information_schema.KEY_COLUMN_USAGE u ON u.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
                 AND u.TABLE_NAME = k.TABLE_NAME AND u.CONSTRAINT_NAME = k.CONSTRAINT_NAME
            LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
                 AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
            WHERE k.CONSTRAINT_SCHEMA = ? AND k.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, u.ORDINAL_POSITION""";

    private static final String CHECKS = """
            SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME""";

    private static final String INDEXES = """
            SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION, SUB_PART, INDEX_TYPE
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
            ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""";

    private static final String VIEWS = """
            SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
            ORDER BY TABLE_NAME""";

    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(`(.+)`\\)");

    private final CatalogFilter filter;

    public MariaDbCatalogReader(CatalogFilter filter) {
        this.filter = filter;
    }

    @Override
    public Catalog readCatalog(Connection connection, String schema) {
        try {
            String name = schema != null ? schema : workingDatabase(connection);
            if (name == null || !exists(connection, name)) {
                return null;
            }
            return new Catalog(read(connection, name), List.of());
        } catch (SQLException e) {
            throw new CatalogReadException("Cannot read the MariaDB catalog: " + e.getMessage()
                    + ". The user needs to see the database's tables in information_schema (any privilege on them).");
        }
    }

    private static String workingDatabase(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** One table as it is read, before it becomes a {@link Table}. */
    private static final class Parts {
        final String name;
        final String comment;
        final String collation;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final Map<String, List<String>> uniques = new LinkedHashMap<>();
        final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, Index> indexes = new LinkedHashMap<>();

        Parts(String name, String comment, String collation) {
            this.name = name;
            this.comment = comment;
            this.collation = collation;
        }
    }

    private Schema read(Connection connection, String schema) throws SQLException {
        Map<String, Parts> tables = new LinkedHashMap<>();
        List<String> sequenceNames = new ArrayList<>();
        List<View> views = new ArrayList<>();
        query(connection, TABLES, schema, rs -> {
            String name = rs.getString(1);
            if (!filter.includes(name)) {
                return;
            }
            switch (rs.getString(2)) {
                case "BASE TABLE" -> tables.put(name, new Parts(name, emptyToNull(rs.getString(3)), rs.getString(4)));
                case "SEQUENCE" -> sequenceNames.add(name);
                default -> { } // views come with their query below
            }
        });
        query(connection, COLUMNS, schema, rs -> {
            Parts t = tables.get(rs.getString(1));
            if (t != null) {
                t.columns.add(column(rs, t.collation));
            }
        });
        query(connection, KEYS, schema, rs -> {
            Parts t = tables.get(rs.getString(1));
            if (t == null) {
                return;
            }
            String name = rs.getString(2);
            String column = rs.getString(4);
            switch (rs.getString(3)) {
                case "PRIMARY KEY" -> t.primaryKey = t.primaryKey == null ? new PrimaryKey(name, List.of(column))
                        : new PrimaryKey(name, append(t.primaryKey.columns(), column));
                case "UNIQUE" -> t.uniques.computeIfAbsent(name, k -> new ArrayList<>()).add(column);
                default -> {
                    ForeignKey fk = t.foreignKeys.get(name);
                    String referencedSchema = schema.equals(rs.getString(5)) ? null : rs.getString(5);
                    t.foreignKeys.put(name, fk == null
                            ? new ForeignKey(name, List.of(column), rs.getString(6), List.of(rs.getString(7)),
                                    action(rs.getString(9)), action(rs.getString(8)), Deferrability.NOT_DEFERRABLE,
                                    referencedSchema)
                            : new ForeignKey(name, append(fk.columns(), column), fk.referencedTable(),
                                    append(fk.referencedColumns(), rs.getString(7)), fk.onDelete(), fk.onUpdate(),
                                    Deferrability.NOT_DEFERRABLE, referencedSchema));
                }
            }
        });
        query(connection, CHECKS, schema, rs -> {
            Parts t = tables.get(rs.getString(1));
            if (t == null) {
                return;
            }
            String name = rs.getString(2);
            String clause = rs.getString(3);
            Matcher json = JSON_VALID.matcher(clause);
            if (json.matches() && json.group(1).equals(name) && isJsonColumn(t, name)) {
                t.columns.replaceAll(c -> c.name().equals(name) ? new Column(c.name(),
                        ColumnType.of("json"), c.isNullable(), c.defaultValue(), c.identity(), c.comment(), null,
                        c.generated()) : c);
                return;
            }
            t.checks.add(new CheckConstraint(name, clause));
        });
        query(connection, INDEXES, schema, rs -> {
            Parts t = tables.get(rs.getString(1));
            String name = rs.getString(2);
            if (t == null || name.equals("PRIMARY") || t.uniques.containsKey(name)) {
                return;
            }
            String sub = rs.getString(6);
            IndexElement element = sub == null ? IndexElement.column(rs.getString(4))
                    : IndexElement.expression("`" + rs.getString(4).replace("`", "``") + "`(" + sub + ")");
            if ("D".equals(rs.getString(5))) {
                element = element.desc();
            }
            String type = rs.getString(7);
            String method = type == null || type.equals("BTREE") ? null : type.toLowerCase(Locale.ROOT);
            Index index = t.indexes.get(name);
            t.indexes.put(name, index == null
                    ? new Index(name, List.of(element), rs.getInt(3) == 0, method, null, List.of())
                    : new Index(name, appendElement(index.elements(), element), index.isUnique(), method, null,
                            List.of()));
        });
        query(connection, VIEWS, schema, rs -> {
            if (filter.includes(rs.getString(1))) {
                views.add(View.of(rs.getString(1), rs.getString(2)));
            }
        });
        List<Table> out = new ArrayList<>();
        for (Parts t : tables.values()) {
            // The index MariaDB made for a foreign key without one has the key's name and columns: not asked for.
            t.foreignKeys.values().forEach(fk -> {
                Index backing = t.indexes.get(fk.name());
                if (backing != null && !backing.isUnique() && backing.elements().stream().allMatch(e ->
                        !e.isExpression() && !e.descending()) && backing.elements().stream().map(IndexElement::column)
                        .toList().equals(fk.columns())) {
                    t.indexes.remove(fk.name());
                }
            });
            List<UniqueConstraint> uniques = new ArrayList<>();
            t.uniques.forEach((name, columns) -> uniques.add(new UniqueConstraint(name, columns,
                    Deferrability.NOT_DEFERRABLE)));
            out.add(new Table(t.name, t.columns, t.primaryKey, uniques, List.copyOf(t.indexes.values()),
                    List.copyOf(t.foreignKeys.values()), t.checks, t.comment));
        }
        return new Schema(schema, out, sequences(connection, schema, sequenceNames), List.of(), views);
    }

    private static boolean isJsonColumn(Parts t, String name) {
        return t.columns.stream().anyMatch(c -> c.name().equals(name) && c.type().sql().equals("longtext"));
    }

    private static Column column(ResultSet rs, String tableCollation) throws SQLException {
        String name = rs.getString(2);
        String type = rs.getString(3);
        boolean nullable = "YES".equals(rs.getString(4));
        String defaultSql = rs.getString(5);
        String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
        if (defaultSql != null && defaultSql.equals("NULL")) {
            defaultSql = null; // MariaDB's spelling of "no default" on a nullable column
        }
        int onUpdate = extra.indexOf("on update ");
        if (onUpdate >= 0 && defaultSql != null) {
            defaultSql = defaultSql + " ON UPDATE " + extra.substring(onUpdate + "on update ".length()).strip();
        }
        Identity identity = extra.contains("auto_increment") ? Identity.generatedByDefault() : null;
        String collation = rs.getString(7);
        if (collation != null && collation.equals(tableCollation)) {
            collation = null;
        }
        String generated = "ALWAYS".equals(rs.getString(9)) ? rs.getString(10) : null;
        return new Column(name, ColumnType.of(type), nullable, defaultSql == null || generated != null ? null
                : Default.of(defaultSql), identity, emptyToNull(rs.getString(8)), collation, generated);
    }

    private static List<Sequence> sequences(Connection connection, String schema, List<String> names)
            throws SQLException {
        if (names.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder();
        for (String name : names) {
            if (!sql.isEmpty()) {
                sql.append("\nUNION ALL ");
            }
            sql.append("SELECT ").append(MariaDbIdentifiers.literal(name)).append(", start_value, minimum_value, "
                    + "maximum_value, increment, cache_size, cycle_option FROM ").append(MariaDbIdentifiers.quote(schema))
                    .append('.').append(MariaDbIdentifiers.quote(name));
        }
        List<Sequence> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                out.add(Sequence.of(rs.getString(1)).withOptions(new SequenceOptions(rs.getLong(2), rs.getLong(5),
                        rs.getLong(3), rs.getLong(4), rs.getLong(6), rs.getInt(7) == 1)));
            }
        }
        return out;
    }

    private static ReferentialAction action(String rule) {
        if (rule == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION; // RESTRICT and NO ACTION are one in InnoDB: checked at once
        };
    }

    private static List<String> append(List<String> list, String value) {
        List<String> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }

    private static List<IndexElement> appendElement(List<IndexElement> list, IndexElement value) {
        List<IndexElement> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, String schema, Row row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
