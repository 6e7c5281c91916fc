package dev.retort.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL expression text into tokens (quoted strings and identifiers kept whole), enough to compare two
 * spellings of one expression without a full parser.
 */
public final class SqlTokens {

    private SqlTokens() {
    }

    public static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.add(sql.substring(i, Math.min(j + 1, n)));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(sql.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.' || sql.charAt(j) == 'e'
                        || sql.charAt(j) == 'E')) {
                    j++;
                }
                out.add(sql.substring(i, j));
                i = j;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.add("::");
                i += 2;
            } else if ("<>!=~".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < n && "<>!=~".indexOf(sql.charAt(j)) >= 0) {
                    j++;
                }
                if (j < n && sql.charAt(j) == '*' && sql.charAt(j - 1) == '~') {
                    j++; // ~~* is ILIKE
                }
                out.add(sql.substring(i, j));
                i = j;
            } else if (c == '|' && i + 1 < n && sql.charAt(i + 1) == '|') {
                out.add("||");
                i += 2;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    public static boolean isWord(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }

    public static boolean isQuotedIdentifier(String token) {
        return token.length() >= 2 && token.charAt(0) == '"';
    }

    public static boolean isString(String token) {
        return token.length() >= 2 && token.charAt(0) == '\'';
    }
}
