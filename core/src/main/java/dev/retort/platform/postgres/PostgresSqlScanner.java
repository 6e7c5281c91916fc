package dev.retort.platform.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads SQL text the way psql's lexer does, without parsing it: quoted strings ({@code '...'}, {@code E'...'}),
 * quoted identifiers, dollar quotes, nested comments, parentheses and {@code BEGIN ATOMIC ... END} function
 * bodies, so that it knows where each statement starts and what lies outside every quote. That answers two
 * questions Retort must settle before it writes or runs a statement: would psql do something other than
 * send it to the server (a meta-command such as {@code \!}, a {@code :variable}, a quote left open that
 * swallows the rest of a script), and does it end the transaction it runs in ({@code COMMIT}, {@code END},
 * {@code ROLLBACK}).
 */
public final class PostgresSqlScanner {

    /** What one scan found. */
    public record Scan(List<String> statementStarts, String psqlHazard, List<String> statements) {

        /**
         * @param statementStarts each statement's first (at most three) words, upper case
         * @param psqlHazard      what psql would read differently, or {@code null}
         * @param statements      each statement's text without its {@code ;}, the comments before it included
         *                        (a lint allowance is written there)
         */
        public Scan {
            statementStarts = List.copyOf(statementStarts);
            statements = List.copyOf(statements);
        }

        /**
         * The first statement that ends the transaction it runs in, as its leading words ({@code COMMIT},
         * {@code ROLLBACK}, {@code PREPARE TRANSACTION}), or {@code null} when none does. {@code ROLLBACK TO
         * SAVEPOINT} does not.
         */
        public String transactionEnd() {
            for (String start : statementStarts) {
                String[] w = start.split(" ");
                String first = w[0];
                String second = w.length > 1 ? w[1] : "";
                String third = w.length > 2 ? w[2] : "";
                boolean toSavepoint = second.equals("TO")
                        || ((second.equals("WORK") || second.equals("TRANSACTION")) && third.equals("TO"));
                switch (first) {
                    case "COMMIT", "END", "ABORT" -> {
                        return first;
                    }
                    case "ROLLBACK" -> {
                        if (!toSavepoint) {
                            return first;
                        }
                    }
                    case "PREPARE" -> {
                        if (second.equals("TRANSACTION")) {
                            return "PREPARE TRANSACTION";
                        }
                    }
                    default -> { }
                }
            }
            return null;
        }
    }

    private final String sql;
    private final List<String> starts = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    /** Where the current statement's text begins: just after the previous {@code ;}. */
    private int statementFrom;
    /** The current statement's first (at most four) words. */
    private final List<String> words = new ArrayList<>();
    private int parenDepth;
    private int beginDepth;
    private String hazard;

    private PostgresSqlScanner(String sql) {
        this.sql = sql;
    }

    public static Scan scan(String sql) {
        PostgresSqlScanner scanner = new PostgresSqlScanner(sql);
        scanner.run();
        return new Scan(scanner.starts, scanner.hazard, scanner.texts);
    }

    private void run() {
        int n = sql.length();
        int i = 0;
        while (i < n && hazard == null) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                i = lineEnd(i);
            } else if (c == '/' && next == '*') {
                i = blockCommentEnd(i);
            } else if (c == '\'') {
                i = stringEnd(i + 1, escapeString(i));
            } else if (c == '"') {
                i = quotedEnd(i + 1, '"', "a quoted identifier");
            } else if (c == '$' && !identifierPart(i - 1)) {
                i = dollarQuoteEnd(i);
            } else if (c == '\\') {
                hazard = "a backslash outside any quote at line " + lineOf(i) + ", which psql runs as a meta-command "
                        + "(\\! runs a shell command) instead of sending it to the server";
            } else if (c == ':' && next == ':') {
                i += 2;
            } else if (c == ':' && (Character.isLetter(next) || next == '_' || next == '\'' || next == '"' || next == '{')
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                hazard = "':" + next + "' outside any quote at line " + lineOf(i) + ", which psql replaces with the "
                        + "value of a psql variable; put spaces around the colon (a[1 : n])";
            } else if (c == '(') {
                parenDepth++;
                i++;
            } else if (c == ')') {
                parenDepth = Math.max(0, parenDepth - 1);
                i++;
            } else if (c == ';') {
                if (parenDepth == 0 && beginDepth == 0) {
                    endStatement(i);
                }
                i++;
            } else if (identifierStart(c)) {
                int j = i + 1;
                while (j < n && identifierPart(j)) {
                    j++;
                }
                word(sql.substring(i, j).toUpperCase(Locale.ROOT));
                i = j;
            } else {
                i++;
            }
        }
        endStatement(n);
    }

    /** Tracks each statement's first words, and the BEGIN ... END nesting of a CREATE FUNCTION's SQL body. */
    private void word(String word) {
        if (words.size() < 4) {
            words.add(word);
        }
        boolean routine = words.size() >= 2 && words.get(0).equals("CREATE")
                && (isRoutine(words.get(1)) || (words.size() >= 4 && words.get(1).equals("OR")
                    && words.get(2).equals("REPLACE") && isRoutine(words.get(3))));
        if (!routine || parenDepth > 0) {
            return;
        }
        switch (word) {
            case "BEGIN" -> beginDepth++;
            case "CASE" -> beginDepth += beginDepth > 0 ? 1 : 0;
            case "END" -> beginDepth = Math.max(0, beginDepth - 1);
            default -> { }
        }
    }

    private static boolean isRoutine(String word) {
        return word.equals("FUNCTION") || word.equals("PROCEDURE");
    }

    private void endStatement(int end) {
        if (!words.isEmpty()) {
            starts.add(String.join(" ", words.subList(0, Math.min(3, words.size()))));
            texts.add(sql.substring(statementFrom, Math.min(end, sql.length())).strip());
        }
        statementFrom = end + 1;
        words.clear();
        parenDepth = 0;
        beginDepth = 0;
    }

    private int lineEnd(int i) {
        while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private int blockCommentEnd(int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return unterminated(start, "a /* comment");
    }

    /** Whether the quote at {@code quote} opens an {@code E'...'} string, where a backslash escapes. */
    private boolean escapeString(int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e') && !identifierPart(quote - 2);
    }

    private int stringEnd(int i, boolean backslashEscapes) {
        int start = i - 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return unterminated(start, "a string literal");
    }

    private int quotedEnd(int i, char quote, String what) {
        int start = i - 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return unterminated(start, what);
    }

    /** {@code $tag$ ... $tag$}; a {@code $} that does not open one ({@code $1}) is skipped. */
    private int dollarQuoteEnd(int start) {
        int j = start + 1;
        if (j < sql.length() && identifierStart(sql.charAt(j))) {
            j++;
            while (j < sql.length() && identifierPart(j) && sql.charAt(j) != '$') {
                j++;
            }
        }
        if (j >= sql.length() || sql.charAt(j) != '$') {
            return start + 1;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        if (close < 0) {
            return unterminated(start, "a dollar-quoted string " + tag);
        }
        return close + tag.length();
    }

    private int unterminated(int start, String what) {
        hazard = what + " opened at line " + lineOf(start) + " and never closed, which would swallow the rest of "
                + "a script";
        return sql.length();
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private boolean identifierPart(int i) {
        if (i < 0 || i >= sql.length()) {
            return false;
        }
        char c = sql.charAt(i);
        return identifierStart(c) || Character.isDigit(c) || c == '$';
    }

    private int lineOf(int index) {
        int line = 1;
        for (int i = 0; i < index && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
