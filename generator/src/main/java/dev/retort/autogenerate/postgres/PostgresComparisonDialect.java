package dev.retort.autogenerate.postgres;

import dev.retort.diff.ComparisonDialect;
import dev.retort.diff.ServerSpellings;
import dev.retort.diff.SqlTokens;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.SequenceOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** PostgreSQL's answers to the comparator's questions: canonical forms first, rewrite rules after. */
public final class PostgresComparisonDialect implements ComparisonDialect {

    /** PostgreSQL's identifier length limit (NAMEDATALEN - 1), which its generated names respect. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    /** Integer types from narrowest to widest, and the largest value of each. */
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final Map<String, Long> MAX_VALUES = Map.of("smallint", 32767L, "integer", 2147483647L,
            "bigint", Long.MAX_VALUE);

    private final ServerSpellings canonical;

    public PostgresComparisonDialect(ServerSpellings canonical) {
        this.canonical = Objects.requireNonNull(canonical);
    }

    public PostgresComparisonDialect() {
        this(ServerSpellings.NONE);
    }

    @Override
    public boolean sameType(ColumnType desired, ColumnType actual) {
        String d = canonical.type(desired.sql());
        return PostgresSpellingRules.type(d != null ? d : desired.sql()).equals(PostgresSpellingRules.type(actual.sql()));
    }

    @Override
    public boolean sameDefault(Column column, Default desired, Default actual) {
        String d = desired == null ? null : desired.sql();
        String a = actual == null ? null : actual.sql();
        if (d != null) {
            String c = canonical.defaultValue(column.type().sql(), d);
            d = c != null ? c : d;
        }
        d = d == null || isNull(d) ? null : PostgresSpellingRules.defaultValue(d);
        a = a == null || isNull(a) ? null : PostgresSpellingRules.defaultValue(a);
        return Objects.equals(d, a);
    }

    private static boolean isNull(String expression) {
        return PostgresSpellingRules.defaultValue(expression).equals("null");
    }

    @Override
    public boolean sameCheck(String table, String desired, String actual) {
        String c = canonical.check(table, desired);
        return PostgresSpellingRules.expression(c != null ? c : desired).equals(PostgresSpellingRules.expression(actual));
    }

    @Override
    public boolean sameGenerated(String table, String desired, String actual) {
        if (desired == null || actual == null) {
            return desired == null && actual == null;
        }
        String c = canonical.generated(table, desired);
        return PostgresSpellingRules.expression(c != null ? c : desired).equals(PostgresSpellingRules.expression(actual));
    }

    @Override
    public boolean sameView(String view, String desired, String actual) {
        String c = canonical.view(view, desired);
        return PostgresSpellingRules.viewQuery(c != null ? c : desired).equals(PostgresSpellingRules.viewQuery(actual));
    }

    @Override
    public boolean sameExpression(String desired, String actual) {
        if (desired == null || actual == null) {
            return desired == null && actual == null;
        }
        return PostgresSpellingRules.expression(desired).equals(PostgresSpellingRules.expression(actual));
    }

    @Override
    public TypeChange typeChange(ColumnType from, ColumnType to) {
        TypeShape a = TypeShape.of(PostgresSpellingRules.type(from.sql()));
        TypeShape b = TypeShape.of(PostgresSpellingRules.type(to.sql()));
        if (a.arrays() != b.arrays()) {
            return TypeChange.CONVERSION;
        }
        if (b.base().equals("text") && (a.base().equals("character varying") || a.base().equals("character")
                || a.base().equals("text"))) {
            return TypeChange.WIDENING;
        }
        if (a.base().equals(b.base())) {
            return a.modifiers().isEmpty() && !b.modifiers().isEmpty() ? TypeChange.NARROWING
                    : b.modifiers().isEmpty() ? TypeChange.WIDENING
                    : narrower(a, b) ? TypeChange.NARROWING : TypeChange.WIDENING;
        }
        int ia = INTEGERS.indexOf(a.base());
        int ib = INTEGERS.indexOf(b.base());
        if (ia >= 0 && ib >= 0) {
            return ib < ia ? TypeChange.NARROWING : TypeChange.WIDENING;
        }
        if (a.base().equals("real") && b.base().equals("double precision")) {
            return TypeChange.WIDENING;
        }
        if (ia >= 0 && b.base().equals("numeric") && b.modifiers().isEmpty()) {
            return TypeChange.WIDENING;
        }
        if (a.base().equals("character varying") && b.base().equals("character varying")) {
            return TypeChange.WIDENING;
        }
        if ((a.base().equals("text") || a.base().equals("character varying")) && b.base().equals("character varying")) {
            return TypeChange.NARROWING;
        }
        return TypeChange.CONVERSION;
    }

    /** Whether modifiers {@code b} hold less than {@code a}: shorter length, fewer digits or fraction digits. */
    private static boolean narrower(TypeShape a, TypeShape b) {
        List<Integer> x = a.modifiers();
        List<Integer> y = b.modifiers();
        if (x.size() == 2 && y.size() == 2) {
            return y.get(1) < x.get(1) || (y.get(0) - y.get(1)) < (x.get(0) - x.get(1));
        }
        if (x.size() == 2 && y.size() == 1) {
            return y.get(0) < x.get(0) - x.get(1) || x.get(1) > 0;
        }
        return !x.isEmpty() && !y.isEmpty() && y.get(0) < x.get(0);
    }

    @Override
    public String primaryKeyName(String table) {
        return objectName(table, null, "pkey");
    }

    @Override
    public String uniqueName(String table, List<String> columns) {
        return objectName(table, String.join("_", columns), "key");
    }

    @Override
    public String foreignKeyName(String table, List<String> columns) {
        return objectName(table, String.join("_", columns), "fkey");
    }

    @Override
    public String checkName(String table, String expression, List<String> columns) {
        List<String> used = columns.stream()
                .filter(c -> SqlTokens.split(expression).stream().anyMatch(t -> t.equalsIgnoreCase(c)
                        || t.equals("\"" + c + "\"")))
                .toList();
        return objectName(table, used.size() == 1 ? used.get(0) : null, "check");
    }

    /**
     * PostgreSQL's {@code makeObjectName}: {@code name1_name2_label}, the longer of the two names shortened
     * first until the whole fits in 63 bytes.
     */
    static String objectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX_IDENTIFIER_BYTES - overhead;
        int n1 = bytes(name1);
        int n2 = name2 == null ? 0 : bytes(name2);
        while (n1 + n2 > available) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        return clip(name1, n1) + (name2 == null ? "" : "_" + clip(name2, n2)) + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String clip(String s, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    @Override
    public boolean sameSequenceType(String desired, String actual) {
        return PostgresSpellingRules.type(desired).equals(actual == null ? "bigint" : PostgresSpellingRules.type(actual));
    }

    @Override
    public SequenceOptions withDefaults(SequenceOptions o, String dataType) {
        String type = dataType == null ? "bigint" : PostgresSpellingRules.type(dataType);
        long increment = o.increment() != null ? o.increment() : 1L;
        long typeMax = MAX_VALUES.getOrDefault(type, Long.MAX_VALUE);
        long min = o.minValue() != null ? o.minValue() : increment > 0 ? 1L : -typeMax - 1;
        long max = o.maxValue() != null ? o.maxValue() : increment > 0 ? typeMax : -1L;
        long start = o.start() != null ? o.start() : increment > 0 ? min : max;
        return new SequenceOptions(start, increment, min, max, o.cache() != null ? o.cache() : 1L,
                o.cycle() != null ? o.cycle() : Boolean.FALSE);
    }

    /** A canonical type split into base name, numeric modifiers and array depth. */
    private record TypeShape(String base, List<Integer> modifiers, int arrays) {
        static TypeShape of(String canonical) {
            int arrays = 0;
            String s = canonical;
            while (s.endsWith("[]")) {
                s = s.substring(0, s.length() - 2);
                arrays++;
            }
            int open = s.indexOf('(');
            if (open < 0) {
                return new TypeShape(s, List.of(), arrays);
            }
            List<Integer> mods = java.util.Arrays.stream(s.substring(open + 1, s.indexOf(')')).split(","))
                    .map(String::strip).map(Integer::parseInt).toList();
            return new TypeShape(s.substring(0, open), mods, arrays);
        }
    }
}
