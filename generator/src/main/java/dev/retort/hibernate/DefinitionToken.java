package dev.retort.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One token of a {@code columnDefinition}, with where it stands in the text so that types and expressions can be
 * cut out as written: a word, a quoted identifier, a string constant (also {@code E'...'} and dollar-quoted), a
 * balanced {@code (...)} or {@code [...]} group as one token, or any other character run. (The comparator's
 * {@code SqlTokens} compares spellings and needs neither positions nor groups.)
 */
record DefinitionToken(String text, int start, int end) {

    static List<DefinitionToken> split(String sql) {
        List<DefinitionToken> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '(' || c == '[') {
                end = groupEnd(sql, i);
            } else if (c == '\'' || c == '"') {
                end = quotedEnd(sql, i, false);
            } else if ((c == 'e' || c == 'E') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                end = quotedEnd(sql, i + 1, true);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
            } else {
                end = i + 1;
                while (end < n && "+-*/<>=~!@#%^&|`?:".indexOf(c) >= 0 && sql.charAt(end) == c) {
                    end++;
                }
            }
            out.add(new DefinitionToken(sql.substring(i, end), i, end));
            i = end;
        }
        return out;
    }

    boolean isWord() {
        return (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_') && text.indexOf('\'') < 0;
    }

    /** A word or a quoted identifier. */
    boolean isName() {
        return isWord() || text.startsWith("\"");
    }

    boolean isGroup(char open) {
        return text.charAt(0) == open;
    }

    String lowerText() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Past the group's closing bracket, skipping quoted text and nested groups; the end of the text if unclosed. */
    private static int groupEnd(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = quotedEnd(sql, i, false);
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** Past the closing quote; a doubled quote is part of the text, and with {@code backslash} an escaped one. */
    private static int quotedEnd(String sql, int open, boolean backslash) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or {@code null}. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))
                ? sql.substring(i, j + 1) : null;
    }
}
