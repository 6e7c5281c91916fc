package dev.retort.autogenerate.mariadb;

import dev.retort.diff.SqlTokens;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides which spellings MariaDB treats as one: {@code integer} = {@code int(11)},
 * {@code bit} = {@code bit(1)}, {@code double precision} = {@code double}, {@code datetime} = {@code datetime(0)},
 * {@code enum ('A', 'B')} = {@code enum('A','B')}, {@code now()} = {@code current_timestamp()}, a check clause with
 * or without backquotes and outer parentheses.
 */
final class MariaDbSpellingRules {

    /** Synonyms, and integer types whose display width MariaDB adds and which means nothing to the values. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("int4", "int"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("int1", "tinyint"), Map.entry("middleint", "mediumint"),
            Map.entry("double precision", "double"), Map.entry("real", "double"), Map.entry("float8", "double"),
            Map.entry("float4", "float"), Map.entry("numeric", "decimal"), Map.entry("dec", "decimal"),
            Map.entry("fixed", "decimal"), Map.entry("character varying", "varchar"), Map.entry("character", "char"),
            Map.entry("bool", "tinyint(1)"), Map.entry("boolean", "tinyint(1)"), Map.entry("long varchar", "mediumtext"),
            Map.entry("long", "mediumtext"), Map.entry("long varbinary", "mediumblob"));

    /** Function names MariaDB rewrites when it stores an expression. */
    private static final Map<String, String> FUNCTIONS = Map.of("lower", "lcase", "upper", "ucase",
            "substring", "substr", "character_length", "char_length", "power", "pow", "ceiling", "ceil");

    private static final Pattern SHAPE = Pattern.compile("([a-z ]+?)\\s*(\\(([^)]*)\\))?((?:\\s+(?:unsigned|signed|zerofill))*)");

    /** A backquoted name that needs no quotes, which the server writes quoted and Hibernate does not. */
    private static final Pattern BACKQUOTED = Pattern.compile("`([A-Za-z_][A-Za-z0-9_$]*)`");

    private static final List<String> WIDTHLESS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");

    private MariaDbSpellingRules() {
    }

    /** The canonical spelling of a column type. */
    static String type(String sql) {
        String t = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.startsWith("enum") || t.startsWith("set")) {
            int open = t.indexOf('(');
            String head = t.substring(0, open).strip();
            List<String> values = SqlTokens.split(sql.substring(sql.indexOf('(') + 1, sql.lastIndexOf(')'))).stream()
                    .filter(v -> !v.equals(",")).toList();
            return head + "(" + String.join(",", values) + ")";
        }
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String base = m.group(1).strip();
        String modifiers = m.group(3) == null ? null : m.group(3).replace(" ", "");
        String sign = m.group(4) == null ? "" : m.group(4).strip();
        String synonym = SYNONYMS.get(base);
        if (synonym != null && synonym.contains("(")) {
            return synonym + (sign.isEmpty() ? "" : " " + sign);
        }
        if (synonym != null) {
            base = synonym;
        }
        if (base.equals("tinyint") && "1".equals(modifiers)) {
            return "tinyint(1)" + (sign.isEmpty() ? "" : " " + sign); // the boolean spelling keeps its width
        }
        if (WIDTHLESS.contains(base)) {
            modifiers = null;
        }
        if (base.equals("bit") && "1".equals(modifiers)) {
            modifiers = null;
        }
        if ((base.equals("datetime") || base.equals("time") || base.equals("timestamp")) && "0".equals(modifiers)) {
            modifiers = null;
        }
        if (base.equals("float") && modifiers != null && !modifiers.contains(",")) {
            int p = Integer.parseInt(modifiers);
            base = p > 24 ? "double" : "float";
            modifiers = null;
        }
        if (base.equals("decimal") && modifiers == null) {
            modifiers = "10,0";
        } else if (base.equals("decimal") && !modifiers.contains(",")) {
            modifiers = modifiers + ",0";
        }
        if ((base.equals("char") || base.equals("binary")) && modifiers == null) {
            modifiers = "1";
        }
        return base + (modifiers == null ? "" : "(" + modifiers + ")") + (sign.isEmpty() ? "" : " " + sign);
    }

    /** The canonical spelling of a default expression; {@code null} for none or NULL. */
    static String defaultValue(String sql) {
        if (sql == null) {
            return null;
        }
        String d = expression(sql);
        if (d.equals("null")) {
            return null;
        }
        if (d.matches("b ?'0*1'") || d.equals("true")) {
            return "1"; // a bit(1) default as MariaDB spells it, and as Hibernate writes a boolean's
        }
        if (d.matches("b ?'0+'") || d.equals("false")) {
            return "0";
        }
        return d.replaceAll("current_timestamp\\(\\d*\\)", "current_timestamp()").replaceAll("now\\(\\d*\\)",
                        "current_timestamp()").replaceAll("current_timestamp(?!\\()", "current_timestamp()")
                .replace("localtimestamp()", "current_timestamp()").replace("current_date()", "curdate()")
                .replaceAll("current_date(?!\\()", "curdate()");
    }

    /**
     * An expression in one spelling: tokens outside string literals in lower case without backquotes, without
     * outer parentheses, one space between tokens.
     */
    static String expression(String sql) {
        List<String> tokens = SqlTokens.split(BACKQUOTED.matcher(sql).replaceAll("$1"));
        StringBuilder out = new StringBuilder();
        for (String token : tokens) {
            String t = token;
            if (!t.startsWith("'")) {
                t = t.toLowerCase(Locale.ROOT);
            }
            if (!out.isEmpty() && !t.equals(")") && !t.equals(",") && !t.equals("(")
                    && out.charAt(out.length() - 1) != '(') {
                out.append(' ');
            }
            out.append(t);
        }
        String e = out.toString();
        while (e.startsWith("(") && e.endsWith(")") && balanced(e.substring(1, e.length() - 1))) {
            e = e.substring(1, e.length() - 1).strip();
        }
        // The names MariaDB stores for functions it knows under two (lower() is kept as lcase())
        for (Map.Entry<String, String> f : FUNCTIONS.entrySet()) {
            e = e.replaceAll("(?<![\\w.$])" + f.getKey() + "\\(", f.getValue() + "(");
        }
        return e;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
