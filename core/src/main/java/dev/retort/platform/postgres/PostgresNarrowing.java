package dev.retort.platform.postgres;

import static dev.retort.platform.postgres.PostgresIdentifiers.quote;

import dev.retort.ddl.SqlStatement;
import dev.retort.schema.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which type changes can lose data without an error, and the test that finds the rows they would change.
 * PostgreSQL's explicit cast, which a type change needs between most types, cuts a string to the new length
 * ({@code 'far too long'::varchar(3)} is {@code 'far'}), rounds a number to the new scale, a time to the new
 * precision, a {@code double precision} to a {@code real}'s seven digits, and drops a timestamp's time of day
 * on the way to {@code date}; none of them fails. For such a change the DDL runs a guard first that counts
 * the rows whose value would change and stops the revision, naming the column and the count, when there are
 * any. Changes PostgreSQL refuses by itself on a value that does not fit ({@code bigint} to {@code integer}
 * out of range, {@code text} to {@code integer} on {@code 'abc'}) fail without losing anything; the guard
 * still counts the integer ranges, for the message.
 */
public final class PostgresNarrowing {

    /** A family of types and its modifiers: {@code varchar} with {@code [10]}, {@code numeric} with {@code [12, 2]}. */
    record Shape(String family, List<Integer> modifiers, boolean array) {

        private static final Pattern NUMBER = Pattern.compile("-?\\d+");
        private static final Map<String, String> FAMILIES = Map.ofEntries(
                Map.entry("character varying", "varchar"), Map.entry("varchar", "varchar"),
                Map.entry("character", "char"), Map.entry("char", "char"), Map.entry("bpchar", "char"),
                Map.entry("text", "text"),
                Map.entry("smallint", "int2"), Map.entry("int2", "int2"),
                Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("int4", "int4"),
                Map.entry("bigint", "int8"), Map.entry("int8", "int8"),
                Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"),
                Map.entry("real", "float4"), Map.entry("float4", "float4"),
                Map.entry("double precision", "float8"), Map.entry("float8", "float8"), Map.entry("float", "float8"),
                Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
                Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamptz", "timestamptz"),
                Map.entry("time", "time"), Map.entry("time without time zone", "time"),
                Map.entry("time with time zone", "timetz"), Map.entry("timetz", "timetz"),
                Map.entry("interval", "interval"), Map.entry("date", "date"),
                Map.entry("bit", "bit"), Map.entry("bit varying", "varbit"), Map.entry("varbit", "varbit"));

        static Shape of(ColumnType type) {
            String base = type.baseName();
            if (base.startsWith("pg_catalog.")) {
                base = base.substring("pg_catalog.".length());
            }
            boolean array = type.isArray() || base.endsWith(" array");
            if (base.endsWith(" array")) {
                base = base.substring(0, base.length() - " array".length());
            }
            List<Integer> modifiers = new ArrayList<>();
            int open = type.sql().indexOf('(');
            int close = open < 0 ? -1 : type.sql().indexOf(')', open);
            if (close > open) {
                Matcher m = NUMBER.matcher(type.sql().substring(open + 1, close));
                while (m.find()) {
                    modifiers.add(Integer.parseInt(m.group()));
                }
            }
            String family = FAMILIES.getOrDefault(base, base.startsWith("interval ") ? "interval fields" : base);
            if (family.equals("float8") && modifiers.size() == 1 && modifiers.get(0) <= 24) {
                family = "float4"; // float(p) with p <= 24 is real
            }
            return new Shape(family.toLowerCase(Locale.ROOT), List.copyOf(modifiers), array);
        }

        /** The length of a bounded string or bit type, {@code -1} for unbounded ({@code char} alone is 1). */
        int length() {
            if (!modifiers.isEmpty()) {
                return modifiers.get(0);
            }
            return family.equals("char") || family.equals("bit") ? 1 : -1;
        }

        /** The fractional-second digits of a time type (PostgreSQL's default is 6). */
        int precision() {
            return modifiers.isEmpty() ? 6 : modifiers.get(0);
        }

        boolean integer() {
            return family.equals("int2") || family.equals("int4") || family.equals("int8");
        }

        /** A string type, whose cast to a number or a time parses it and then rounds like any other. */
        boolean textual() {
            return family.equals("text") || family.equals("varchar") || family.equals("char");
        }
    }

    /** A lossy change: the SQL condition true of a value that would change, and what the loss is, for people. */
    public record Loss(String condition, String what, String sqlState) {
    }

    private static final Map<String, long[]> RANGES = Map.of(
            "int2", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            "int4", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            "int8", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
    private static final Map<String, String> TYPE_NAMES = Map.of("int2", "smallint", "int4", "integer", "int8", "bigint");
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("int2", 5, "int4", 10, "int8", 19);

    private PostgresNarrowing() {
    }

    /**
     * The loss a change from {@code from} (or an unknown type, {@code null}) to {@code to} can cause for a value
     * {@code x} (an SQL expression), or {@code null} when it loses nothing or fails by itself.
     */
    static Loss loss(ColumnType from, ColumnType to, String x) {
        Shape b = Shape.of(to);
        if (from == null) {
            return b.length() > 0 && (b.family().equals("varchar") || b.family().equals("char"))
                    ? stringLoss(null, b, x) : null;
        }
        Shape a = Shape.of(from);
        if (a.array() != b.array()) {
            return null;
        }
        return switch (b.family()) {
            case "varchar", "char" -> stringLoss(a, b, x);
            case "bit", "varbit" -> bitLoss(a, b, x);
            case "int2", "int4", "int8" -> integerLoss(a, b, x);
            case "numeric" -> numericLoss(a, b, x);
            case "float4", "float8" -> floatLoss(a, b, x);
            case "timestamp", "timestamptz", "time", "timetz", "interval" -> precisionLoss(a, b, x, to);
            case "date" -> a.family().equals("timestamp") || a.family().equals("timestamptz")
                    ? new Loss(x + " <> " + x + "::date", "a time of day other than midnight, which date drops", "22000")
                    : null;
            default -> null;
        };
    }

    private static Loss stringLoss(Shape a, Shape b, String x) {
        int n = b.length();
        if (n < 0) {
            return null;
        }
        boolean fixed = b.family().equals("char");
        if (a != null && (a.family().equals("varchar") || a.family().equals("char")) && a.length() > 0
                && a.length() <= n) {
            return null;
        }
        String text = fixed ? "rtrim(" + x + "::text)" : x + "::text";
        return new Loss("char_length(" + text + ") > " + n, "longer than " + n + " characters", "22001");
    }

    private static Loss bitLoss(Shape a, Shape b, String x) {
        if (!a.family().equals("bit") && !a.family().equals("varbit")) {
            return null;
        }
        int n = b.length();
        if (b.family().equals("bit")) {
            return a.family().equals("bit") && a.length() == n ? null
                    : new Loss("length(" + x + ") <> " + n, "not exactly " + n + " bits long (the cast cuts or pads)",
                        "22026");
        }
        if (n < 0 || (a.length() > 0 && a.length() <= n)) {
            return null;
        }
        return new Loss("length(" + x + ") > " + n, "longer than " + n + " bits", "22026");
    }

    private static Loss integerLoss(Shape a, Shape b, String x) {
        long[] range = RANGES.get(b.family());
        String outside = x + " < " + range[0] + " OR " + x + " > " + range[1];
        if (a.integer()) {
            return INTEGER_DIGITS.get(a.family()) > INTEGER_DIGITS.get(b.family())
                    ? new Loss(outside, "outside " + TYPE_NAMES.get(b.family()) + "'s range", "22003") : null;
        }
        if (a.family().equals("numeric") || a.family().equals("float4") || a.family().equals("float8")) {
            return new Loss(x + " <> round(" + x + ") OR " + outside,
                    "with a fraction (the cast rounds it) or outside " + TYPE_NAMES.get(b.family()) + "'s range", "22003");
        }
        return null;
    }

    private static Loss numericLoss(Shape a, Shape b, String x) {
        if (b.modifiers().isEmpty()) {
            return null;
        }
        int precision = b.modifiers().get(0);
        int scale = b.modifiers().size() > 1 ? b.modifiers().get(1) : 0;
        if (a.family().equals("numeric") && !a.modifiers().isEmpty()) {
            int fromScale = a.modifiers().size() > 1 ? a.modifiers().get(1) : 0;
            if (fromScale <= scale && a.modifiers().get(0) - fromScale <= precision - scale) {
                return null;
            }
        } else if (a.integer()) {
            if (scale >= 0 && INTEGER_DIGITS.get(a.family()) <= precision - scale) {
                return null;
            }
        } else if (!a.family().equals("numeric") && !a.family().equals("float4") && !a.family().equals("float8")
                && !a.textual()) {
            return null;
        }
        String v = x + "::numeric";
        String limit = BigDecimal.ONE.scaleByPowerOfTen(precision - scale).toPlainString();
        return new Loss(v + " <> round(" + v + ", " + scale + ") OR (" + v + " <> 'NaN' AND abs(round(" + v + ", "
                + scale + ")) >= " + limit + ")", "with more than " + scale + " decimal places (the cast rounds "
                + "them) or more than " + (precision - scale) + " digits before the point", "22003");
    }

    private static Loss floatLoss(Shape a, Shape b, String x) {
        boolean toReal = b.family().equals("float4");
        boolean lossy = a.family().equals("numeric") || a.family().equals("int8") || a.textual()
                || (toReal && (a.family().equals("int4") || a.family().equals("float8")));
        if (!lossy) {
            return null;
        }
        String max = toReal ? "3.4028234663852886e38" : "1.7976931348623157e308";
        String min = toReal ? "1.401298464324817e-45" : "4.9e-324";
        String type = toReal ? "real" : "double precision";
        String v = a.family().equals("float8") ? x : x + "::numeric";
        String back = a.family().equals("float8") ? "::double precision" : "::numeric";
        String special = a.family().equals("float8") ? v + " IN ('NaN', 'Infinity', '-Infinity')" : v + " = 'NaN'";
        return new Loss("CASE WHEN " + special + " THEN false WHEN abs(" + v + ") > " + max + " OR (" + v
                + " <> 0 AND abs(" + v + ") < " + min + ") THEN true ELSE " + v + " <> " + x + "::" + type + back
                + " END", "with more significant digits than " + type + " keeps", "22003");
    }

    private static Loss precisionLoss(Shape a, Shape b, String x, ColumnType to) {
        if (b.family().equals("time") && (a.family().equals("timestamp") || a.family().equals("timestamptz"))) {
            return new Loss("true", "a date, which time drops", "22000");
        }
        String what = "with more than " + b.precision() + " fractional-second digits (the cast rounds them)";
        if (a.textual() && b.precision() < 6) {
            return new Loss(x + "::" + to.baseName() + " <> " + x + "::" + to.sql(), what, "22000");
        }
        if (!a.family().equals(b.family()) || b.precision() >= a.precision()) {
            return null;
        }
        return new Loss(x + " <> " + x + "::" + to.sql(), what, "22000");
    }

    /**
     * The loss a change of {@code column} from {@code from} (or an unknown type, {@code null}) to {@code to} can
     * cause, with a condition true of a row (not only of a value: an array's elements are looked at one by one) whose
     * value would change; {@code null} when the change loses nothing. What the guard counts, and the data checks too.
     */
    public static Loss rowLoss(String column, ColumnType from, ColumnType to) {
        boolean array = Shape.of(to).array();
        Loss loss = loss(from, to, array ? "e" : quote(column));
        if (loss == null) {
            return null;
        }
        return new Loss(array ? "EXISTS (SELECT 1 FROM unnest(" + quote(column) + ") AS e WHERE " + loss.condition()
                + ")" : "(" + loss.condition() + ")", loss.what(), loss.sqlState());
    }

    /**
     * The statement that stops a narrowing of {@code table.column} when rows would lose data, or {@code null}
     * when the change loses nothing. It locks the table first, so no row written after the count slips through.
     */
    static SqlStatement guard(String table, String relation, String column, ColumnType from, ColumnType to) {
        boolean array = Shape.of(to).array();
        Loss loss = rowLoss(column, from, to);
        if (loss == null) {
            return null;
        }
        String rows = loss.condition();
        String before = "Narrowing " + table + "." + column + " from " + (from == null ? "its type" : from.sql())
                + " to " + to.sql() + " would lose data: ";
        String after = " " + (array ? "an element " : "a value ") + loss.what()
                + ". Change or delete those rows first, or declare the loss on purpose in the migration "
                + "(.allowLoss() on the type change converts with a plain cast, or give a USING expression).";
        String format = before.replace("%", "%%") + "%" + after.replace("%", "%%");
        String body = "\nDECLARE\n    rows_lost bigint;\nBEGIN\n"
                + "    LOCK TABLE " + relation + " IN ACCESS EXCLUSIVE MODE;\n"
                + "    SELECT count(*) INTO rows_lost FROM " + relation + " WHERE " + quote(column)
                + " IS NOT NULL AND " + rows + ";\n"
                + "    IF rows_lost > 0 THEN\n"
                + "        RAISE EXCEPTION " + PostgresIdentifiers.literal(format)
                + ",\n            CASE WHEN rows_lost = 1 THEN '1 row holds' ELSE rows_lost || ' rows hold' END\n"
                + "            USING ERRCODE = '" + loss.sqlState() + "';\n"
                + "    END IF;\nEND\n";
        String tag = "$retort$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$retort" + i + "$";
        }
        return SqlStatement.guard("DO " + tag + body + tag);
    }
}
