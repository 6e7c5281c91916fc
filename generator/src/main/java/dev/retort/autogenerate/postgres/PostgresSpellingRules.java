package dev.retort.autogenerate.postgres;

import dev.retort.diff.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrite rules that bring two spellings of the same PostgreSQL type, default or expression to one form.
 * The rules are data (the tables below); each has a test naming the real-world spelling it covers.
 * They are the fallback: where a database is at hand, desired expressions are first canonicalized by
 * PostgreSQL itself (see {@code dev.retort.autogenerate.postgres.PostgresSpellingProbe}).
 */
final class PostgresSpellingRules {

    /** Type names and their canonical spelling, as {@code format_type} prints them. */
    static final Map<String, String> TYPE_SYNONYMS = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"), Map.entry("serial2", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("varchar", "character varying"), Map.entry("char", "character"), Map.entry("bpchar", "character"),
            Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("varbit", "bit varying"));

    /** Types whose precision 6 is their default: {@code timestamp(6) with time zone} = {@code timestamptz}. */
    static final Set<String> DEFAULT_PRECISION_6 = Set.of("timestamp with time zone", "timestamp without time zone",
            "time with time zone", "time without time zone", "interval");

    /** Words that continue a multi-word type name after a cast ({@code ::character varying}). */
    private static final Set<String> TYPE_CONTINUATIONS = Set.of("varying", "precision", "with", "without", "time",
            "zone");

    /** Defaults that mean the same: PostgreSQL keeps {@code now()} and {@code CURRENT_TIMESTAMP} apart. */
    static final Map<String, String> DEFAULT_SYNONYMS = Map.of(
            "current_timestamp", "now ( )",
            "transaction_timestamp ( )", "now ( )",
            "'t'", "true", "'true'", "true", "'f'", "false", "'false'", "false");

    /** Operators PostgreSQL prints differently from how they are usually written. */
    static final Map<String, String> OPERATOR_SYNONYMS = Map.of("!=", "<>", "~~", "like", "!~~", "not like",
            "~~*", "ilike", "!~~*", "not ilike");

    private PostgresSpellingRules() {
    }

    /** The canonical spelling of a type: {@code varchar(255)} and {@code character varying(255)} agree. */
    static String type(String sql) {
        String s = sql.strip();
        if (s.contains("\"")) {
            return s;
        }
        s = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.startsWith("pg_catalog.")) {
            s = s.substring("pg_catalog.".length());
        }
        StringBuilder arrays = new StringBuilder();
        while (s.endsWith(" array")) {
            s = s.substring(0, s.length() - " array".length()).strip();
            arrays.append("[]");
        }
        while (s.endsWith("]")) {
            int open = s.lastIndexOf('[');
            s = s.substring(0, open).strip();
            arrays.append("[]");
        }
        if (s.startsWith("_")) {
            s = s.substring(1);
            arrays.append("[]");
        }
        String modifiers = null;
        int open = s.indexOf('(');
        if (open >= 0) {
            int close = s.indexOf(')', open);
            modifiers = s.substring(open + 1, close).replace(" ", "");
            s = (s.substring(0, open) + s.substring(close + 1)).replaceAll("\\s+", " ").strip();
        }
        if (s.equals("float")) {
            s = modifiers != null && Integer.parseInt(modifiers) <= 24 ? "real" : "double precision";
            modifiers = null;
        }
        s = TYPE_SYNONYMS.getOrDefault(s, s);
        if (DEFAULT_PRECISION_6.contains(s) && "6".equals(modifiers)) {
            modifiers = null;
        }
        if ((s.equals("character") || s.equals("bit")) && modifiers == null) {
            modifiers = "1";
        }
        return s + (modifiers == null ? "" : "(" + modifiers + ")") + arrays;
    }

    /** The canonical spelling of a server default: {@code 'x'::character varying} and {@code 'x'} agree. */
    static String defaultValue(String sql) {
        List<String> tokens = stripOuterParentheses(words(withoutCasts(SqlTokens.split(sql))));
        if (tokens.size() == 2 && tokens.get(0).equals("-") && isNumber(tokens.get(1))) {
            return "-" + tokens.get(1);
        }
        if (tokens.size() == 1 && SqlTokens.isString(tokens.get(0))) {
            String inner = tokens.get(0).substring(1, tokens.get(0).length() - 1);
            if (inner.matches("-?\\d+(\\.\\d+)?")) {
                return inner;
            }
        }
        String joined = String.join(" ", tokens);
        return DEFAULT_SYNONYMS.getOrDefault(joined, joined);
    }

    /**
     * The canonical spelling of a boolean expression (check constraint, partial-index predicate): casts,
     * grouping parentheses and case fall away, {@code x IN (...)} and {@code x = ANY (ARRAY[...])} agree,
     * as do {@code BETWEEN} and its two comparisons.
     */
    static String expression(String sql) {
        List<String> tokens = words(withoutCasts(SqlTokens.split(sql)));
        List<String> plain = new ArrayList<>();
        for (String t : tokens) {
            if (!t.equals("(") && !t.equals(")") && !t.equals("[") && !t.equals("]")) {
                plain.add(OPERATOR_SYNONYMS.getOrDefault(t, t));
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            String t = plain.get(i);
            if (t.equals("=") && i + 2 < plain.size() && plain.get(i + 1).equals("any") && plain.get(i + 2).equals("array")) {
                out.add("in");
                i += 2;
            } else if (t.equals("<>") && i + 2 < plain.size() && plain.get(i + 1).equals("all")
                    && plain.get(i + 2).equals("array")) {
                out.add("not");
                out.add("in");
                i += 2;
            } else if (t.equals("between") && !out.isEmpty() && i + 3 < plain.size() && plain.get(i + 2).equals("and")) {
                String subject = out.get(out.size() - 1);
                out.add(">=");
                out.add(plain.get(i + 1));
                out.add("and");
                out.add(subject);
                out.add("<=");
                out.add(plain.get(i + 3));
                i += 3;
            } else {
                out.add(t);
            }
        }
        return String.join(" ", out);
    }

    /** Removes {@code ::type} casts, multi-word types, modifiers and array brackets included. */
    static List<String> withoutCasts(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals("::")) {
                out.add(tokens.get(i));
                continue;
            }
            i++; // the type's first word
            while (i + 1 < tokens.size() && TYPE_CONTINUATIONS.contains(tokens.get(i + 1).toLowerCase(Locale.ROOT))) {
                i++;
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).equals("(") && i + 2 < tokens.size() && isNumber(tokens.get(i + 2))) {
                int close = indexOf(tokens, ")", i + 1);
                if (close > 0) {
                    i = close;
                }
            }
            while (i + 2 < tokens.size() && tokens.get(i + 1).equals("[") && tokens.get(i + 2).equals("]")) {
                i += 2;
            }
        }
        return out;
    }

    /** Lower-cases unquoted words and unquotes identifiers that need no quotes. */
    /**
     * A view's query up to spacing, case of keywords and a trailing semicolon: the fallback when the server could not
     * be asked to spell the desired one (its tables do not exist yet).
     */
    static String viewQuery(String sql) {
        List<String> tokens = new ArrayList<>(words(SqlTokens.split(sql)));
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(";")) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join(" ", tokens);
    }

    private static List<String> words(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (SqlTokens.isWord(t)) {
                out.add(t.toLowerCase(Locale.ROOT));
            } else if (SqlTokens.isQuotedIdentifier(t) && t.substring(1, t.length() - 1).matches("[a-z_][a-z0-9_]*")) {
                out.add(t.substring(1, t.length() - 1));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> stripOuterParentheses(List<String> tokens) {
        List<String> t = tokens;
        while (t.size() >= 2 && t.get(0).equals("(") && t.get(t.size() - 1).equals(")") && closes(t)) {
            t = t.subList(1, t.size() - 1);
        }
        return t;
    }

    /** Whether the first token's parenthesis closes at the last token. */
    private static boolean closes(List<String> t) {
        int depth = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).equals("(")) {
                depth++;
            } else if (t.get(i).equals(")")) {
                depth--;
                if (depth == 0 && i < t.size() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int indexOf(List<String> tokens, String token, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).equals(token)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNumber(String token) {
        return token.matches("\\d+(\\.\\d+)?");
    }
}
