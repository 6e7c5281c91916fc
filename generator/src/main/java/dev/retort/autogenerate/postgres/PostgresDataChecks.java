package dev.retort.autogenerate.postgres;

import dev.retort.diff.Warning;
import dev.retort.lint.Linter;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.platform.postgres.PostgresIdentifiers;
import dev.retort.platform.postgres.PostgresNarrowing;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the database's rows will do with the detected changes, said before anyone runs the migration: NULLs where
 * a column becomes NOT NULL, values too long for a shorter type, duplicates for a new unique index, rows a new
 * foreign key or check rejects, and tables large enough that a rewrite or a blocking build takes a while. Every
 * query is bounded: it counts at most {@value #LIMIT} + 1 matching rows, runs in a READ ONLY transaction that is
 * rolled back, under a statement_timeout (a check that takes longer says so and is skipped), and sizes come from
 * pg_class's estimates, not from counting. Only counts reach the output, never a row's contents.
 */
public final class PostgresDataChecks {

    static final int LIMIT = 1000;
    /** From this many rows (pg_class's estimate), or {@link #LARGE_BYTES}, a table counts as large. */
    static final long LARGE_ROWS = 100_000;
    static final long LARGE_BYTES = 100L * 1024 * 1024;

    private final Duration timeout;

    public PostgresDataChecks(Duration timeout) {
        this.timeout = timeout;
    }

    public static PostgresDataChecks withDefaults() {
        return new PostgresDataChecks(Duration.ofSeconds(2));
    }

    /** The warnings for {@code operations} against the data {@code connection} sees; its state is left as found. */
    public List<Warning> run(Connection connection, List<Operation> operations) throws SQLException {
        Set<String> created = new HashSet<>();
        for (Operation op : operations) {
            Operation inner = op instanceof InSchema in ? in.operation() : op;
            if (inner instanceof CreateTable t) {
                created.add(qualified(op, t.table().name()));
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        List<Warning> warnings = new ArrayList<>();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
            st.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
            Session session = new Session(connection, warnings);
            for (Operation op : operations) {
                Operation inner = op instanceof InSchema in ? in.operation() : op;
                String schema = op instanceof InSchema in ? in.schema() : null;
                session.check(inner, schema, created);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return warnings;
    }

    private static String qualified(Operation op, String table) {
        return op instanceof InSchema in ? in.schema() + "." + table : table;
    }

    private final class Session {
        private final Connection connection;
        private final List<Warning> warnings;
        private final Set<String> sized = new HashSet<>();
        private final Set<String> unreadable = new HashSet<>();

        Session(Connection connection, List<Warning> warnings) {
            this.connection = connection;
            this.warnings = warnings;
        }

        void check(Operation op, String schema, Set<String> created) throws SQLException {
            if (op instanceof AlterColumn a && !created.contains(name(schema, a.table()))) {
                alterColumn(a, schema);
            } else if (op instanceof AddColumn a && !created.contains(name(schema, a.table()))) {
                addColumn(a, schema);
            } else if (op instanceof CreateIndex i && !created.contains(name(schema, i.table()))) {
                if (i.index().isUnique() && i.index().elements().stream().allMatch(e -> e.column() != null)) {
                    duplicates(schema, i.table(), i.index().elements().stream().map(IndexElement::column).toList(),
                            i.index().where(), "the unique index " + i.index().name());
                }
                if (!i.concurrently()) {
                    large(schema, i.table(), "building index " + i.index().name() + " blocks every write to the "
                            + "table until it is done");
                }
            } else if (op instanceof AddConstraint c && !created.contains(name(schema, c.table()))) {
                addConstraint(c, schema);
            }
        }

        private void alterColumn(AlterColumn a, String schema) throws SQLException {
            String key = a.table() + "." + a.column();
            String column = PostgresIdentifiers.quote(a.column());
            if (a.nullable() != null && Boolean.FALSE.equals(a.nullable().to())) {
                Long nulls = count(schema, a.table(), column + " IS NULL", key, "NULL count");
                if (nulls != null && nulls > 0) {
                    warn(Warning.Kind.DATA_NULLS, a.table(), a.column(), key + ": " + rows(nulls) + " NULL; SET NOT "
                            + "NULL will fail on this database. Fill them first (a data migration), or give the "
                            + "column a default.");
                }
                large(schema, a.table(), "SET NOT NULL reads the whole table under an ACCESS EXCLUSIVE lock");
            }
            if (a.type() == null || a.allowLoss()) {
                return;
            }
            ColumnType fromType = a.type().fromKnown() ? a.type().from() : null;
            String from = fromType == null ? null : fromType.sql();
            String to = a.type().to().sql();
            PostgresNarrowing.Loss loss = a.using() == null ? PostgresNarrowing.rowLoss(a.column(), fromType,
                    a.type().to()) : null;
            if (loss != null) {
                Long changed = count(schema, a.table(), column + " IS NOT NULL AND " + loss.condition(), key,
                        "count of values that do not fit");
                if (changed != null && changed > 0) {
                    boolean cut = loss.sqlState().equals("22001");
                    warn(cut ? Warning.Kind.DATA_TOO_LONG : Warning.Kind.DATA_OUT_OF_RANGE, a.table(), a.column(),
                            key + ": " + rows(changed) + " " + loss.what() + "; the type change to " + to
                                    + " will fail on this database" + (cut ? " (or cut them on purpose with "
                                    + ".allowLoss())" : "") + ".");
                }
            }
            if (from == null || Linter.rewrites(from, to, a.using() != null)) {
                large(schema, a.table(), "this type change rewrites the table and its indexes under an ACCESS "
                        + "EXCLUSIVE lock");
            }
        }

        private void addColumn(AddColumn a, String schema) throws SQLException {
            Column c = a.column();
            if (!c.isNullable() && c.defaultValue() == null && c.identity() == null && c.generated() == null) {
                Long any = count(schema, a.table(), "true", a.table() + "." + c.name(), "row check", 1);
                if (any != null && any > 0) {
                    warn(Warning.Kind.DATA_ROWS_EXIST, a.table(), c.name(), a.table() + " has rows, so adding NOT NULL "
                            + "column " + a.table() + "." + c.name() + " without a default will fail on this "
                            + "database.");
                }
            }
            if (Linter.computedPerRow(c.defaultValue() == null ? null : c.defaultValue().sql(),
                    c.identity() != null || c.generated() != null)) {
                large(schema, a.table(), "the new column's value is computed for every row, which rewrites the table "
                        + "under an ACCESS EXCLUSIVE lock");
            }
        }

        private void addConstraint(AddConstraint c, String schema) throws SQLException {
            String table = c.table();
            if (c.constraint() instanceof UniqueConstraint u) {
                duplicates(schema, table, u.columns(), null, "the unique constraint " + u.name());
                large(schema, table, "the unique constraint builds its index under an ACCESS EXCLUSIVE lock");
            } else if (c.constraint() instanceof PrimaryKey pk) {
                duplicates(schema, table, pk.columns(), null, "the primary key " + pk.name());
                String anyNull = pk.columns().stream().map(col -> PostgresIdentifiers.quote(col) + " IS NULL")
                        .collect(Collectors.joining(" OR "));
                Long nulls = count(schema, table, anyNull, table, "NULL count");
                if (nulls != null && nulls > 0) {
                    warn(Warning.Kind.DATA_NULLS, table, null, "the primary key " + pk.name() + " on " + table + ": "
                            + rows(nulls) + " NULL in its columns; adding it will fail on this database.");
                }
                large(schema, table, "the primary key builds its index under an ACCESS EXCLUSIVE lock");
            } else if (c.constraint() instanceof ForeignKey fk) {
                orphans(schema, table, fk);
                large(schema, table, "the foreign key reads every row while writes wait (NOT VALID, then VALIDATE "
                        + "CONSTRAINT, does not block them)");
            } else if (c.constraint() instanceof CheckConstraint check) {
                Long bad = count(schema, table, "NOT (" + check.expression() + ")", table, "check count");
                if (bad != null && bad > 0) {
                    warn(Warning.Kind.DATA_CHECK_VIOLATIONS, table, null, "the check " + check.name() + " on " + table
                            + " (" + dev.retort.InertText.line(check.expression()) + "): " + rows(bad, "fails", "fail")
                            + " it; adding it will fail on this database.");
                }
                large(schema, table, "the check reads every row under an ACCESS EXCLUSIVE lock (NOT VALID, then "
                        + "VALIDATE CONSTRAINT, does not block)");
            }
        }

        private void duplicates(String schema, String table, List<String> columns, String where, String what)
                throws SQLException {
            String cols = columns.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining(", "));
            String notNull = columns.stream().map(col -> PostgresIdentifiers.quote(col) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND "));
            String sql = "SELECT count(*) FROM (SELECT 1 FROM " + relation(schema, table) + " WHERE " + notNull
                    + (where == null ? "" : " AND (" + where + ")") + " GROUP BY " + cols
                    + " HAVING count(*) > 1 LIMIT " + (LIMIT + 1) + ") s";
            Long dup = query(sql, table, "duplicate count");
            if (dup != null && dup > 0) {
                warn(Warning.Kind.DATA_DUPLICATES, table, columns.size() == 1 ? columns.get(0) : null, what + " on "
                        + table + " (" + String.join(", ", columns) + "): " + values(dup) + " more than once; building "
                        + "it will fail on this database.");
            }
        }

        private void orphans(String schema, String table, ForeignKey fk) throws SQLException {
            String refSchema = fk.referencedSchema() != null ? fk.referencedSchema() : schema;
            StringBuilder join = new StringBuilder();
            for (int i = 0; i < fk.columns().size(); i++) {
                join.append(i == 0 ? "" : " AND ").append("r.").append(PostgresIdentifiers.quote(fk.referencedColumns()
                        .get(i))).append(" = t.").append(PostgresIdentifiers.quote(fk.columns().get(i)));
            }
            String notNull = fk.columns().stream().map(col -> "t." + PostgresIdentifiers.quote(col) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND "));
            String sql = "SELECT count(*) FROM (SELECT 1 FROM " + relation(schema, table) + " t WHERE " + notNull
                    + " AND NOT EXISTS (SELECT 1 FROM " + relation(refSchema, fk.referencedTable()) + " r WHERE " + join
                    + ") LIMIT " + (LIMIT + 1) + ") s";
            Long orphans = query(sql, table, "orphan count");
            if (orphans != null && orphans > 0) {
                warn(Warning.Kind.DATA_ORPHANS, table, fk.columns().size() == 1 ? fk.columns().get(0) : null,
                        "the foreign key " + fk.name() + " on " + table + " (" + String.join(", ", fk.columns())
                                + ") to " + fk.referencedTable() + ": " + rows(orphans, "references", "reference")
                                + " no " + fk.referencedTable() + " row; adding it will fail on this database.");
            }
        }

        /** A warning with pg_class's size estimate when the table is large; one per table and reason. */
        private void large(String schema, String table, String why) throws SQLException {
            if (!sized.add(name(schema, table) + "\u0000" + why)) {
                return;
            }
            String sql = "SELECT c.reltuples::bigint, pg_total_relation_size(c.oid), pg_size_pretty(pg_total_relation_size(c.oid)) "
                    + "FROM pg_class c WHERE c.oid = to_regclass(?)";
            Savepoint sp = connection.setSavepoint();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, relation(schema, table));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        connection.releaseSavepoint(sp);
                        return;
                    }
                    long tuples = rs.getLong(1);
                    long bytes = rs.getLong(2);
                    if (tuples < LARGE_ROWS && bytes < LARGE_BYTES) {
                        connection.releaseSavepoint(sp);
                        return;
                    }
                    String rowsText = tuples < 0 ? "never analyzed" : "~" + approx(tuples) + " rows";
                    warn(Warning.Kind.LARGE_TABLE, table, null, table + ": " + rowsText + ", " + rs.getString(3)
                            + " (estimate from pg_class): " + why + ".");
                }
                connection.releaseSavepoint(sp);
            } catch (SQLException e) {
                connection.rollback(sp); // the size is a nicety: without it the other warnings stand
            }
        }

        private Long count(String schema, String table, String condition, String what, String kind) throws SQLException {
            return count(schema, table, condition, what, kind, LIMIT + 1);
        }

        private Long count(String schema, String table, String condition, String what, String kind, int limit)
                throws SQLException {
            return query("SELECT count(*) FROM (SELECT 1 FROM " + relation(schema, table) + " WHERE " + condition
                    + " LIMIT " + limit + ") s", what, kind);
        }

        /** The one number {@code sql} returns, or {@code null} (and a skipped-check warning) past the time limit. */
        private Long query(String sql, String what, String kind) throws SQLException {
            Savepoint sp = connection.setSavepoint();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                long n = rs.getLong(1);
                connection.releaseSavepoint(sp);
                return n;
            } catch (SQLException e) {
                connection.rollback(sp);
                if ("42P01".equals(e.getSQLState()) || "42703".equals(e.getSQLState())) {
                    return null; // a table or column the migration renames first: nothing to count yet
                }
                if ("57014".equals(e.getSQLState())) {
                    warn(Warning.Kind.DATA_CHECK_SKIPPED, null, null, what + ": the " + kind + " took longer than "
                            + timeout.toMillis() + " ms and was skipped; the data may still make the upgrade fail.");
                } else if (unreadable.add(what.contains(".") ? what.substring(0, what.indexOf('.')) : what)) {
                    // A login that may not read the rows (or an expression the table does not take): the comparison
                    // stands, only this check says nothing.
                    warn(Warning.Kind.DATA_CHECK_SKIPPED, null, null, what + ": the data checks could not read it ("
                            + dev.retort.InertText.line(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
                            + "); the data may still make the upgrade fail.");
                }
                return null;
            }
        }

        private void warn(Warning.Kind kind, String table, String column, String message) {
            warnings.add(new Warning(kind, table, column, message));
        }
    }

    private static String name(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }

    private static String relation(String schema, String table) {
        return schema == null ? PostgresIdentifiers.quote(table)
                : PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(table);
    }

    private static String rows(long n) {
        return rows(n, "is", "are");
    }

    /** {@code 1 row is}, {@code 4 rows are}, {@code more than 1,000 rows are}, with the verbs given. */
    private static String rows(long n, String one, String many) {
        return n > LIMIT ? "more than " + String.format(Locale.ROOT, "%,d", LIMIT) + " rows " + many
                : n == 1 ? "1 row " + one : n + " rows " + many;
    }

    private static String values(long n) {
        return n > LIMIT ? "more than " + String.format(Locale.ROOT, "%,d", LIMIT) + " values occur"
                : n == 1 ? "1 value occurs" : n + " values occur";
    }

    static String approx(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f million", n / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }
}
