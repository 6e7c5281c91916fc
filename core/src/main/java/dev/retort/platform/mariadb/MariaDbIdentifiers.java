package dev.retort.platform.mariadb;

/** Quoting for MariaDB and MySQL: backtick identifiers, and string literals safe whatever the SQL mode. */
public final class MariaDbIdentifiers {

    private MariaDbIdentifiers() {
    }

    /**
     * {@code identifier} in backticks, a backtick inside doubled. Always quoted: MariaDB's reserved words change
     * between versions, and a quoted name keeps its case where {@code lower_case_table_names} would not fold it.
     */
    public static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A MariaDB name cannot hold a NUL character: " + identifier.replace(
                    '\0', '?'));
        }
        return "`" + identifier.replace("`", "``") + "`";
    }

    /**
     * A string literal that reads the same whether or not the server's SQL mode has {@code NO_BACKSLASH_ESCAPES}:
     * quotes doubled, and a backslash (an escape character by default) spelled as {@code CHAR(92)} outside quotes
     * would be too clumsy, so the literal is built with {@code CONCAT} only when it holds one.
     */
    public static String literal(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\0') < 0) {
            return "'" + value.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("CONCAT(");
        StringBuilder part = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\0') {
                if (!first) {
                    out.append(", ");
                }
                out.append("'").append(part.toString().replace("'", "''")).append("', CHAR(")
                        .append(c == '\\' ? 92 : 0).append(")");
                part.setLength(0);
                first = false;
            } else {
                part.append(c);
            }
        }
        return out.append(", '").append(part.toString().replace("'", "''")).append("')").toString();
    }
}
