package dev.retort.testkit;

import dev.retort.testkit.mariadb.MariaDbCatalogSnapshot;
import dev.retort.testkit.postgres.PostgresCatalogSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A comparable picture of one schema's catalog, read with the database's own functions (PostgreSQL's
 * {@code format_type}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}, ...): one sorted line per
 * object (tables, columns with type, nullability, default, identity and comment, constraints, indexes,
 * sequences with their options and owner, enum types, views). Two databases with equal snapshots have
 * the same schema. Column positions are deliberately left out: PostgreSQL cannot reorder columns, so a
 * column dropped and added back lands last without being a different schema.
 */
public record CatalogSnapshot(List<String> lines) {

    public CatalogSnapshot {
        lines = List.copyOf(lines);
    }

    /** The snapshot of {@code schema}, read as its database (named by the connection's metadata) spells it. */
    public static CatalogSnapshot take(Connection connection, String schema) throws SQLException {
        List<String> lines = new ArrayList<>(reader(connection).lines(connection, schema));
        lines.sort(null);
        return new CatalogSnapshot(lines);
    }

    /**
     * Every schema of the database but the system's own, {@code public}'s as {@link #take} gives it (without the
     * {@code except} tables) and each other's as a line {@code schema name} and its lines prefixed {@code name: }:
     * for models that put tables in several schemas.
     */
    public static CatalogSnapshot takeAll(Connection connection, String... except) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String schema : reader(connection).schemas(connection)) {
            CatalogSnapshot one = take(connection, schema).without(except);
            if (schema.equals("public") || !connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                lines.addAll(one.lines());
            } else {
                lines.add("schema " + schema);
                one.lines().forEach(l -> lines.add(schema + ": " + l));
            }
        }
        lines.sort(null);
        return new CatalogSnapshot(lines);
    }

    /** How one database product's catalog is read into lines. */
    private interface Reader {
        List<String> lines(Connection connection, String schema) throws SQLException;

        List<String> schemas(Connection connection) throws SQLException;
    }

    private static Reader reader(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (product.equals("PostgreSQL")) {
            return new Reader() {
                @Override
                public List<String> lines(Connection c, String schema) throws SQLException {
                    return PostgresCatalogSnapshot.lines(c, schema);
                }

                @Override
                public List<String> schemas(Connection c) throws SQLException {
                    return PostgresCatalogSnapshot.schemas(c);
                }
            };
        }
        if (product.equals("MariaDB") || product.equals("MySQL")) {
            return new Reader() {
                @Override
                public List<String> lines(Connection c, String schema) throws SQLException {
                    return MariaDbCatalogSnapshot.lines(c, schema);
                }

                @Override
                public List<String> schemas(Connection c) throws SQLException {
                    return MariaDbCatalogSnapshot.schemas(c);
                }
            };
        }
        throw new IllegalArgumentException("No catalog snapshot for " + product);
    }

    /**
     * This snapshot without Retort's own tables: the version table {@code versionTable} and the revision history
     * beside it, {@code <versionTable>_history} (core's {@code RuntimeSettings.historyTable()}), and where DDL is not
     * transactional the record of a revision's progress, {@code <versionTable>_progress}.
     */
    public CatalogSnapshot withoutRetort(String versionTable) {
        return without(versionTable, versionTable + "_history", versionTable + "_progress");
    }

    /** This snapshot without the lines about the given tables (e.g. the version table). */
    public CatalogSnapshot without(String... tables) {
        Set<String> names = Set.of(tables);
        Predicate<String> about = line -> names.stream().anyMatch(t ->
                line.equals("table " + t) || line.startsWith("table " + t + " ")
                        || line.startsWith("column " + t + ".") || line.startsWith("constraint " + t + ".")
                        || line.startsWith("index " + t + ".")
                        || line.contains(" ON public." + t + " ") || line.contains(" ON " + t + " "));
        return new CatalogSnapshot(lines.stream().filter(about.negate()).toList());
    }

    /** The lines of this catalog that {@code other} lacks, in this catalog's order: one half of a difference. */
    public List<String> linesNotIn(CatalogSnapshot other) {
        List<String> only = new ArrayList<>(lines);
        only.removeAll(other.lines);
        return only;
    }

    /** Whether the schema holds nothing at all. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Whether a line starts with {@code prefix}, e.g. {@code "table reminders"}. */
    public boolean has(String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
