package dev.retort.autogenerate.postgres;

import dev.retort.catalog.Catalog;
import dev.retort.catalog.CatalogFilter;
import dev.retort.catalog.CatalogReadException;
import dev.retort.catalog.CatalogReader;
import dev.retort.runtime.DatabaseException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.Deferrability;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement.NullsOrder;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the schema a live PostgreSQL database actually has into the schema model, in a fixed number of
 * bulk queries over {@code pg_catalog} (see {@link PostgresCatalogQueries} and the generator README for why not
 * jOOQ-meta), whatever the number of tables. Objects the {@link CatalogFilter} excludes, the version table,
 * extension members, partitions and views are left out.
 */
public final class PostgresCatalogReader implements CatalogReader {

    private static final int INDOPTION_DESC = 1;
    private static final int INDOPTION_NULLS_FIRST = 2;

    private final CatalogFilter filter;

    public PostgresCatalogReader(CatalogFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /**
     * Schema {@code schema} ({@code null}: the connection's current_schema()), or {@code null} when the database
     * has no schema of that name. A foreign key into another schema names it ({@code ForeignKey.referencedSchema}).
     */
    @Override
    public Catalog readCatalog(Connection connection, String schema) {
        List<Catalog.Unenforced> unenforced = new ArrayList<>();
        try {
            long namespace;
            String schemaName;
            try (PreparedStatement ps = connection.prepareStatement(schema == null ? PostgresCatalogQueries.NAMESPACE
                    : PostgresCatalogQueries.NAMED_NAMESPACE)) {
                if (schema != null) {
                    ps.setString(1, schema);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    namespace = rs.getLong(1);
                    schemaName = rs.getString(2);
                }
            }
            Map<Long, TableParts> tables = new HashMap<>();
            query(connection, PostgresCatalogQueries.TABLES, namespace, rs -> {
                String name = rs.getString("relname");
                if (filter.includes(name)) {
                    tables.put(rs.getLong("oid"), new TableParts(name, rs.getString("description")));
                }
            });
            query(connection, PostgresCatalogQueries.COLUMNS, namespace, rs -> {
                TableParts table = tables.get(rs.getLong("attrelid"));
                if (table != null) {
                    table.columns.add(column(rs));
                }
            });
            query(connection, PostgresCatalogQueries.CONSTRAINTS, namespace, rs -> {
                TableParts table = tables.get(rs.getLong("conrelid"));
                if (table != null) {
                    addConstraint(table, rs);
                    if (rs.getBoolean("not_valid")) {
                        unenforced.add(new Catalog.Unenforced(table.name, rs.getString("conname"), true));
                    }
                }
            });
            query(connection, PostgresCatalogQueries.INDEXES, namespace, rs -> {
                TableParts table = tables.get(rs.getLong("indrelid"));
                if (table != null && addIndexKey(table, rs) && rs.getBoolean("invalid")) {
                    unenforced.add(new Catalog.Unenforced(table.name, rs.getString("index_name"), false));
                }
            });
            List<Sequence> sequences = new ArrayList<>();
            query(connection, PostgresCatalogQueries.SEQUENCES, namespace, rs -> {
                if (filter.includes(rs.getString("relname"))) {
                    sequences.add(sequence(rs));
                }
            });
            List<EnumType> enumTypes = new ArrayList<>();
            query(connection, PostgresCatalogQueries.ENUM_TYPES, namespace, rs -> {
                String name = rs.getString("typname");
                if (filter.includes(name)) {
                    enumTypes.add(new EnumType(name, strings(rs.getArray("labels"))));
                }
            });
            List<View> views = new ArrayList<>();
            query(connection, PostgresCatalogQueries.VIEWS, namespace, rs -> {
                String name = rs.getString("relname");
                if (filter.includes(name)) {
                    String definition = rs.getString("definition").strip();
                    views.add(View.of(name, definition.endsWith(";")
                            ? definition.substring(0, definition.length() - 1) : definition));
                }
            });
            unenforced.sort(java.util.Comparator.comparing(Catalog.Unenforced::table).thenComparing(Catalog.Unenforced::name));
            return new Catalog(new Schema(schemaName, tables.values().stream().map(TableParts::build).toList(),
                    sequences, enumTypes, views), unenforced);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static Column column(ResultSet rs) throws SQLException {
        String identityKind = rs.getString("attidentity");
        Identity identity = identityKind == null || identityKind.isEmpty() ? null
                : new Identity("a".equals(identityKind), new SequenceOptions(rs.getLong("seqstart"),
                        rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"),
                        rs.getLong("seqcache"), rs.getBoolean("seqcycle")));
        boolean generated = "s".equals(rs.getString("attgenerated"));
        String defaultSql = rs.getString("default_sql");
        // A generated column's pg_attrdef row is its generation expression, not a default.
        Default defaultValue = identity != null || generated || defaultSql == null ? null : Default.of(defaultSql);
        return new Column(rs.getString("attname"), ColumnType.of(rs.getString("type")), !rs.getBoolean("attnotnull"),
                defaultValue, identity, rs.getString("description"), rs.getString("collname"),
                generated ? defaultSql : null);
    }

    private static void addConstraint(TableParts table, ResultSet rs) throws SQLException {
        String name = rs.getString("conname");
        List<String> columns = strings(rs.getArray("columns"));
        switch (rs.getString("contype")) {
            case "p" -> table.primaryKey = new PrimaryKey(name, columns);
            case "u" -> table.uniques.add(new UniqueConstraint(name, columns, deferrability(rs)));
            case "c" -> table.checks.add(new CheckConstraint(name, checkExpression(name, rs.getString("definition"))));
            case "f" -> table.foreignKeys.add(new ForeignKey(name, columns, rs.getString("referenced_table"),
                    strings(rs.getArray("referenced_columns")), action(name, rs.getString("confdeltype")),
                    action(name, rs.getString("confupdtype")), deferrability(rs), rs.getString("referenced_schema")));
            default -> throw new IllegalStateException("Unexpected constraint type for " + name);
        }
    }

    /** The expression inside {@code CHECK (...)}, without the NO INHERIT and NOT VALID markers after it. */
    static String checkExpression(String name, String definition) {
        String sql = definition.strip();
        sql = removeSuffix(sql, " NOT VALID");
        sql = removeSuffix(sql, " NO INHERIT");
        if (!sql.startsWith("CHECK (") || !sql.endsWith(")")) {
            throw new CatalogReadException("Cannot read check constraint " + name + ": PostgreSQL describes it as "
                    + definition + ", not CHECK (...)");
        }
        return sql.substring("CHECK (".length(), sql.length() - 1);
    }

    private static String removeSuffix(String sql, String suffix) {
        return sql.endsWith(suffix) ? sql.substring(0, sql.length() - suffix.length()) : sql;
    }

    private static Deferrability deferrability(ResultSet rs) throws SQLException {
        if (!rs.getBoolean("condeferrable")) {
            return Deferrability.NOT_DEFERRABLE;
        }
        return rs.getBoolean("condeferred")
                ? Deferrability.DEFERRABLE_INITIALLY_DEFERRED
                : Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE;
    }

    private static ReferentialAction action(String constraint, String code) {
        return switch (code) {
            case "a" -> ReferentialAction.NO_ACTION;
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> throw new CatalogReadException("Foreign key " + constraint
                    + " has a referential action PostgreSQL calls '" + code + "', which Retort does not know");
        };
    }

    /**
     * Rows arrive per index in key order, so each row extends the last index of its table or starts one;
     * returns whether this row started one.
     */
    private static boolean addIndexKey(TableParts table, ResultSet rs) throws SQLException {
        String name = rs.getString("index_name");
        IndexParts index = table.indexes.isEmpty() ? null : table.indexes.get(table.indexes.size() - 1);
        boolean first = index == null || !index.name.equals(name);
        if (first) {
            index = new IndexParts(name, rs.getBoolean("indisunique"), rs.getString("amname"),
                    rs.getString("predicate"));
            table.indexes.add(index);
        }
        String column = rs.getString("column_name");
        if (rs.getBoolean("included")) {
            index.include.add(column != null ? column : rs.getString("expression"));
            return first;
        }
        int options = rs.getInt("options");
        boolean descending = (options & INDOPTION_DESC) != 0;
        boolean nullsFirst = (options & INDOPTION_NULLS_FIRST) != 0;
        NullsOrder nulls = nullsFirst == descending ? NullsOrder.DEFAULT
                : nullsFirst ? NullsOrder.FIRST : NullsOrder.LAST;
        index.elements.add(new IndexElement(column, column != null ? null : rs.getString("expression"),
                descending, nulls, rs.getString("opclass")));
        return first;
    }

    private static Sequence sequence(ResultSet rs) throws SQLException {
        SequenceOptions options = new SequenceOptions(rs.getLong("seqstart"), rs.getLong("seqincrement"),
                rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"));
        return new Sequence(rs.getString("relname"), rs.getString("data_type"), options,
                rs.getString("owned_by_table"), rs.getString("owned_by_column"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static void query(Connection connection, String sql, long namespace, RowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, namespace);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** What has been read of one table so far. */
    private static final class TableParts {
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<IndexParts> indexes = new ArrayList<>();

        TableParts(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        Table build() {
            return new Table(name, columns, primaryKey, uniques, indexes.stream().map(IndexParts::build).toList(),
                    foreignKeys, checks, comment);
        }
    }

    /** What has been read of one index so far. */
    private static final class IndexParts {
        final String name;
        final boolean unique;
        final String method;
        final String where;
        final List<IndexElement> elements = new ArrayList<>();
        final List<String> include = new ArrayList<>();

        IndexParts(String name, boolean unique, String method, String where) {
            this.name = name;
            this.unique = unique;
            this.method = method;
            this.where = where;
        }

        Index build() {
            return new Index(name, elements, unique, method, where, include);
        }
    }
}
