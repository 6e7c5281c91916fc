package dev.retort.autogenerate.mariadb;

import dev.retort.diff.ComparisonDialect;
import dev.retort.diff.SqlTokens;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnType;
import dev.retort.schema.Default;
import dev.retort.schema.SequenceOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * MariaDB's answers to the comparator's questions, by its spelling rules ({@link MariaDbSpellingRules}), and the
 * names MariaDB gives what the DDL leaves unnamed: {@code PRIMARY}, a unique key after its first column, a
 * foreign key {@code <table>_ibfk_1}, a check on one column after that column.
 */
final class MariaDbComparisonDialect implements ComparisonDialect {

    /** Integer types from narrowest to widest. */
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");

    /** The text types from narrowest to widest (varchar sits below text by its length). */
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");

    @Override
    public boolean sameType(ColumnType desired, ColumnType actual) {
        return MariaDbSpellingRules.type(desired.sql()).equals(MariaDbSpellingRules.type(actual.sql()));
    }

    @Override
    public boolean sameDefault(Column column, Default desired, Default actual) {
        String d = MariaDbSpellingRules.defaultValue(desired == null ? null : desired.sql());
        String a = MariaDbSpellingRules.defaultValue(actual == null ? null : actual.sql());
        if (Objects.equals(d, a)) {
            return true;
        }
        if (d == null || a == null) {
            return false;
        }
        // decimal(12,2) default 0 reads back as 0.00; a number quoted or not is the same number
        BigDecimal x = number(d);
        BigDecimal y = number(a);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static BigDecimal number(String s) {
        String t = s.startsWith("'") && s.endsWith("'") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean sameCheck(String table, String desired, String actual) {
        return MariaDbSpellingRules.expression(desired).equals(MariaDbSpellingRules.expression(actual));
    }

    @Override
    public boolean sameGenerated(String table, String desired, String actual) {
        if (desired == null || actual == null) {
            return desired == null && actual == null;
        }
        return sameExpression(desired, actual);
    }

    @Override
    public boolean sameView(String view, String desired, String actual) {
        // MariaDB stores a view's query qualified and rewritten; the query as written is compared by its words
        return MariaDbSpellingRules.expression(desired).equals(MariaDbSpellingRules.expression(actual));
    }

    @Override
    public boolean sameExpression(String desired, String actual) {
        if (desired == null || actual == null) {
            return desired == null && actual == null;
        }
        return MariaDbSpellingRules.expression(desired).equals(MariaDbSpellingRules.expression(actual));
    }

    @Override
    public TypeChange typeChange(ColumnType from, ColumnType to) {
        String a = MariaDbSpellingRules.type(from.sql());
        String b = MariaDbSpellingRules.type(to.sql());
        String baseA = base(a);
        String baseB = base(b);
        int ia = INTEGERS.indexOf(baseA);
        int ib = INTEGERS.indexOf(baseB);
        if (ia >= 0 && ib >= 0 && a.endsWith("unsigned") == b.endsWith("unsigned")) {
            return ib < ia ? TypeChange.NARROWING : TypeChange.WIDENING;
        }
        if (baseA.equals("varchar") && TEXTS.contains(baseB) && !baseB.equals("tinytext")) {
            return TypeChange.WIDENING;
        }
        int ta = TEXTS.indexOf(baseA);
        int tb = TEXTS.indexOf(baseB);
        if (ta >= 0 && tb >= 0) {
            return tb < ta ? TypeChange.NARROWING : TypeChange.WIDENING;
        }
        if (baseA.equals(baseB)) {
            List<Integer> x = modifiers(a);
            List<Integer> y = modifiers(b);
            if (x.size() == 2 && y.size() == 2) {
                return y.get(1) < x.get(1) || (y.get(0) - y.get(1)) < (x.get(0) - x.get(1)) ? TypeChange.NARROWING
                        : TypeChange.WIDENING;
            }
            if (x.size() == 1 && y.size() == 1) {
                return y.get(0) < x.get(0) ? TypeChange.NARROWING : TypeChange.WIDENING;
            }
            return TypeChange.CONVERSION;
        }
        if (baseA.equals("float") && baseB.equals("double")) {
            return TypeChange.WIDENING;
        }
        return TypeChange.CONVERSION;
    }

    private static String base(String canonical) {
        int open = canonical.indexOf('(');
        String b = open < 0 ? canonical : canonical.substring(0, open);
        return b.replace(" unsigned", "").strip();
    }

    private static List<Integer> modifiers(String canonical) {
        int open = canonical.indexOf('(');
        if (open < 0 || canonical.startsWith("enum") || canonical.startsWith("set")) {
            return List.of();
        }
        try {
            return java.util.Arrays.stream(canonical.substring(open + 1, canonical.indexOf(')')).split(","))
                    .map(String::strip).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    @Override
    public boolean restatesColumns() {
        return true;
    }

    @Override
    public String primaryKeyName(String table) {
        return "PRIMARY";
    }

    @Override
    public String uniqueName(String table, List<String> columns) {
        return MariaDbNames.truncate(columns.get(0));
    }

    @Override
    public String foreignKeyName(String table, List<String> columns) {
        return MariaDbNames.truncate(table + "_ibfk_1");
    }

    @Override
    public String checkName(String table, String expression, List<String> columns) {
        String text = MariaDbSpellingRules.expression(expression);
        List<String> used = columns.stream()
                .filter(c -> SqlTokens.split(text).stream().anyMatch(t -> t.equalsIgnoreCase(c)))
                .toList();
        return used.size() == 1 ? used.get(0) : "CONSTRAINT_1";
    }

    @Override
    public boolean sameSequenceType(String desired, String actual) {
        return true; // MariaDB 10.11's sequences are all bigint
    }

    @Override
    public SequenceOptions withDefaults(SequenceOptions o, String dataType) {
        long increment = o.increment() != null ? o.increment() : 1L;
        long min = o.minValue() != null ? o.minValue() : increment > 0 ? 1L : -9223372036854775807L;
        long max = o.maxValue() != null ? o.maxValue() : increment > 0 ? 9223372036854775806L : -1L;
        long start = o.start() != null ? o.start() : increment > 0 ? min : max;
        return new SequenceOptions(start, increment, min, max, o.cache() != null ? o.cache() : 1000L,
                o.cycle() != null ? o.cycle() : Boolean.FALSE);
    }
}
