package dev.retort.platform.mariadb;

import dev.retort.ddl.SqlScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into statements as the {@code mariadb} / {@code mysql} client does with its default delimiter: at each
 * {@code ;} outside quotes ({@code '...'}, {@code "..."}, {@code `...`}, backslash escapes included) and comments
 * ({@code -- }, {@code #}, {@code /* ... *}{@code /}). A {@code BEGIN ... END} routine body is not split: a
 * {@code CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT} statement runs to the end of the text, since the client would need
 * a {@code DELIMITER} command for it, which is itself a hazard in a script.
 */
final class MariaDbSqlScanner {

    private MariaDbSqlScanner() {
    }

    static SqlScan scan(String sql) {
        List<String> statements = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        String hazard = null;
        StringBuilder words = new StringBuilder();
        int wordCount = 0;
        int from = 0;
        int i = 0;
        boolean routine = false;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    char d = sql.charAt(end);
                    if (d == '\\' && c != '`') {
                        end += 2;
                        continue;
                    }
                    if (d == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                if (end >= n && hazard == null) {
                    hazard = "a " + (c == '`' ? "quoted name" : "quoted string") + " that is never closed";
                }
                i = end + 1;
                continue;
            }
            if (c == '#' || (c == '-' && i + 2 < n + 1 && sql.startsWith("--", i)
                    && (i + 2 == n || Character.isWhitespace(sql.charAt(i + 2))))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0 && hazard == null) {
                    hazard = "a comment that is never closed";
                }
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == ';' && !routine) {
                add(sql.substring(from, i), words, statements, starts);
                words.setLength(0);
                wordCount = 0;
                from = i + 1;
                i++;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                if (wordCount < 3) {
                    String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
                    if (wordCount == 0 && word.equals("DELIMITER") && hazard == null) {
                        hazard = "a DELIMITER command, which only the command-line client reads";
                    }
                    words.append(wordCount == 0 ? "" : " ").append(word);
                    wordCount++;
                    routine = routine || (words.toString().startsWith("CREATE") && List.of("PROCEDURE", "FUNCTION",
                            "TRIGGER", "EVENT").stream().anyMatch(words.toString()::contains));
                }
                i = end;
                continue;
            }
            if (c == '\\' && hazard == null && wordCount == 0) {
                hazard = "a backslash command, which only the command-line client reads";
            }
            i++;
        }
        add(sql.substring(from), words, statements, starts);
        return new SqlScan(starts, statements, hazard, transactionEnd(starts));
    }

    private static void add(String text, StringBuilder words, List<String> statements, List<String> starts) {
        if (words.length() == 0) {
            return;
        }
        statements.add(text.strip());
        starts.add(words.toString());
    }

    /** The first statement that ends its transaction: COMMIT, ROLLBACK (not to a savepoint); DDL too, implicitly. */
    private static String transactionEnd(List<String> starts) {
        for (String start : starts) {
            String[] w = start.split(" ");
            switch (w[0]) {
                case "COMMIT" -> {
                    return "COMMIT";
                }
                case "ROLLBACK" -> {
                    boolean toSavepoint = w.length > 1 && (w[1].equals("TO")
                            || (w[1].equals("WORK") && w.length > 2 && w[2].equals("TO")));
                    if (!toSavepoint) {
                        return "ROLLBACK";
                    }
                }
                default -> { }
            }
        }
        return null;
    }
}
