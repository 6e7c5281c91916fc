package dev.retort.autogenerate.mariadb;

import dev.retort.InertText;
import dev.retort.diff.Warning;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.platform.mariadb.MariaDbIdentifiers;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What MariaDB's rows will do with the detected changes, said before anyone runs the migration (MariaDB's strict
 * mode would refuse them half way through a revision whose earlier statements have committed): NULLs where a
 * column becomes NOT NULL, values too long or too large for a narrower type, rows where a NOT NULL column without
 * a default is added, duplicates for a new unique key, rows a new foreign key rejects. Every query counts at most
 * {@value #LIMIT} + 1 rows, runs in a READ ONLY transaction that is rolled back, under {@code max_statement_time}
 * (a check that takes longer says so and is skipped). Only counts reach the output, never a row's contents.
 */
final class MariaDbDataChecks {

    static final int LIMIT = 1000;

    /** ER_STATEMENT_TIMEOUT: the query ran past max_statement_time. */
    private static final int STATEMENT_TIMEOUT = 1969;

    private static final Pattern LENGTH = Pattern.compile("(var)?char\\((\\d+)\\).*");

    private static final Map<String, long[]> RANGES = Map.of(
            "tinyint", new long[] {-128, 127}, "smallint", new long[] {-32768, 32767},
            "mediumint", new long[] {-8388608, 8388607}, "int", new long[] {-2147483648L, 2147483647L});

    private final Duration timeout;
    private final List<Warning> warnings = new ArrayList<>();
    private final Set<String> unreadable = new HashSet<>();
    private Statement st;

    MariaDbDataChecks(Duration timeout) {
        this.timeout = timeout;
    }

    List<Warning> run(Connection connection, List<Operation> operations) throws SQLException {
        Set<String> created = new HashSet<>();
        for (Operation op : operations) {
            Operation inner = op instanceof InSchema in ? in.operation() : op;
            if (inner instanceof CreateTable t) {
                created.add(name(op instanceof InSchema in ? in.schema() : null, t.table().name()));
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            st = statement;
            st.execute("START TRANSACTION READ ONLY");
            try {
                for (Operation op : operations) {
                    String schema = op instanceof InSchema in ? in.schema() : null;
                    check(op instanceof InSchema in ? in.operation() : op, schema, created);
                }
            } finally {
                st.execute("ROLLBACK");
            }
        } finally {
            st = null;
            connection.setAutoCommit(autoCommit);
        }
        return warnings;
    }

    private void check(Operation op, String schema, Set<String> created) throws SQLException {
        if (op instanceof AlterColumn a && !created.contains(name(schema, a.table()))) {
            alterColumn(a, schema);
        } else if (op instanceof AddColumn a && !created.contains(name(schema, a.table()))) {
            Column c = a.column();
            if (!c.isNullable() && c.defaultValue() == null && c.identity() == null && c.generated() == null) {
                Long rows = count(schema, a.table(), "1 = 1", a.table() + "." + c.name(), "row count");
                if (rows != null && rows > 0) {
                    warn(Warning.Kind.DATA_ROWS_EXIST, a.table(), c.name(), a.table() + " has rows, so adding NOT NULL "
                            + "column " + c.name() + " without a default will fail on this database (strict mode). "
                            + "Give it a default, or add it nullable, fill it, then make it NOT NULL.");
                }
            }
        } else if (op instanceof CreateIndex i && !created.contains(name(schema, i.table()))
                && i.index().isUnique() && i.index().elements().stream().noneMatch(IndexElement::isExpression)) {
            duplicates(schema, i.table(), i.index().elements().stream().map(IndexElement::column).toList(),
                    "the unique index " + i.index().name());
        } else if (op instanceof AddConstraint c && !created.contains(name(schema, c.table()))) {
            if (c.constraint() instanceof UniqueConstraint u) {
                duplicates(schema, c.table(), u.columns(), "the unique constraint " + u.name());
            } else if (c.constraint() instanceof PrimaryKey pk) {
                duplicates(schema, c.table(), pk.columns(), "the primary key " + pk.name());
            } else if (c.constraint() instanceof ForeignKey fk) {
                orphans(schema, c.table(), fk);
            }
        }
    }

    private void alterColumn(AlterColumn a, String schema) throws SQLException {
        String key = a.table() + "." + a.column();
        String column = MariaDbIdentifiers.quote(a.column());
        if (a.nullable() != null && Boolean.FALSE.equals(a.nullable().to())) {
            Long nulls = count(schema, a.table(), column + " IS NULL", key, "NULL count");
            if (nulls != null && nulls > 0) {
                warn(Warning.Kind.DATA_NULLS, a.table(), a.column(), key + ": " + rows(nulls) + " NULL; making it NOT "
                        + "NULL will fail on this database. Fill them first (a data migration), or give the column a "
                        + "default.");
            }
        }
        if (a.type() == null || a.allowLoss()) {
            return;
        }
        String to = MariaDbSpellingRules.type(a.type().to().sql());
        Matcher length = LENGTH.matcher(to);
        if (length.matches()) {
            Long longer = count(schema, a.table(), "CHAR_LENGTH(" + column + ") > " + length.group(2), key,
                    "count of values that do not fit");
            if (longer != null && longer > 0) {
                warn(Warning.Kind.DATA_TOO_LONG, a.table(), a.column(), key + ": " + rows(longer) + " longer than "
                        + length.group(2) + " characters; the type change to " + a.type().to() + " will fail on this "
                        + "database (strict mode).");
            }
            return;
        }
        long[] range = RANGES.get(to.replace(" unsigned", ""));
        if (range != null) {
            boolean unsigned = to.endsWith("unsigned");
            long min = unsigned ? 0 : range[0];
            long max = unsigned ? range[1] * 2 + 1 : range[1];
            Long outside = count(schema, a.table(), column + " < " + min + " OR " + column + " > " + max, key,
                    "count of values out of range");
            if (outside != null && outside > 0) {
                warn(Warning.Kind.DATA_OUT_OF_RANGE, a.table(), a.column(), key + ": " + rows(outside) + " outside "
                        + min + ".." + max + "; the type change to " + a.type().to() + " will fail on this database.");
            }
        }
    }

    private void duplicates(String schema, String table, List<String> columns, String what) throws SQLException {
        String cols = columns.stream().map(MariaDbIdentifiers::quote).collect(Collectors.joining(", "));
        String notNull = columns.stream().map(c -> MariaDbIdentifiers.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        Long dup = query("SELECT COUNT(*) FROM (SELECT 1 FROM " + relation(schema, table) + " WHERE " + notNull
                + " GROUP BY " + cols + " HAVING COUNT(*) > 1 LIMIT " + (LIMIT + 1) + ") d", table, "duplicate count");
        if (dup != null && dup > 0) {
            warn(Warning.Kind.DATA_DUPLICATES, table, columns.size() == 1 ? columns.get(0) : null, what + " on " + table
                    + " (" + String.join(", ", columns) + "): " + (dup > LIMIT ? "more than " + LIMIT + " values occur"
                    : dup == 1 ? "1 value occurs" : dup + " values occur") + " more than once; adding it will fail "
                    + "on this database.");
        }
    }

    private void orphans(String schema, String table, ForeignKey fk) throws SQLException {
        String refSchema = fk.referencedSchema() != null ? fk.referencedSchema() : schema;
        StringBuilder join = new StringBuilder();
        for (int i = 0; i < fk.columns().size(); i++) {
            join.append(i == 0 ? "" : " AND ").append("r.").append(MariaDbIdentifiers.quote(fk.referencedColumns()
                    .get(i))).append(" = t.").append(MariaDbIdentifiers.quote(fk.columns().get(i)));
        }
        String notNull = fk.columns().stream().map(c -> "t." + MariaDbIdentifiers.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        Long orphans = query("SELECT COUNT(*) FROM (SELECT 1 FROM " + relation(schema, table) + " t WHERE " + notNull
                + " AND NOT EXISTS (SELECT 1 FROM " + relation(refSchema, fk.referencedTable()) + " r WHERE " + join
                + ") LIMIT " + (LIMIT + 1) + ") o", table, "count of rows without a parent");
        if (orphans != null && orphans > 0) {
            warn(Warning.Kind.DATA_ORPHANS, table, fk.columns().size() == 1 ? fk.columns().get(0) : null, "the foreign "
                    + "key " + fk.name() + " on " + table + ": " + rows(orphans) + " no row of " + fk.referencedTable()
                    + " to refer to; adding it will fail on this database.");
        }
    }

    private Long count(String schema, String table, String condition, String what, String kind) throws SQLException {
        return query("SELECT COUNT(*) FROM (SELECT 1 FROM " + relation(schema, table) + " WHERE " + condition
                + " LIMIT " + (LIMIT + 1) + ") c", what, kind);
    }

    /** The one number {@code sql} returns, or {@code null} (and a skipped-check warning) past the time limit. */
    private Long query(String sql, String what, String kind) throws SQLException {
        String seconds = String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0);
        try (ResultSet rs = st.executeQuery("SET STATEMENT max_statement_time = " + seconds + " FOR " + sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1054) {
                return null; // a table or column the migration renames first: nothing to count yet
            }
            if (e.getErrorCode() == STATEMENT_TIMEOUT) {
                warn(Warning.Kind.DATA_CHECK_SKIPPED, null, null, what + ": the " + kind + " took longer than "
                        + timeout.toMillis() + " ms and was skipped; the data may still make the upgrade fail.");
            } else if (unreadable.add(what.contains(".") ? what.substring(0, what.indexOf('.')) : what)) {
                warn(Warning.Kind.DATA_CHECK_SKIPPED, null, null, what + ": the data checks could not read it ("
                        + InertText.line(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
                        + "); the data may still make the upgrade fail.");
            }
            return null;
        }
    }

    private void warn(Warning.Kind kind, String table, String column, String message) {
        warnings.add(new Warning(kind, table, column, message));
    }

    private static String rows(long n) {
        return n > LIMIT ? "more than " + String.format(Locale.ROOT, "%,d", LIMIT) + " rows are"
                : n == 1 ? "1 row is" : n + " rows are";
    }

    private static String name(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }

    private static String relation(String schema, String table) {
        return schema == null ? MariaDbIdentifiers.quote(table)
                : MariaDbIdentifiers.quote(schema) + "." + MariaDbIdentifiers.quote(table);
    }
}
