package dev.retort;

/**
 * Text copied from a migration, a model or a user (a revision message, a file name, a target) into an SQL
 * comment, a console line or an error message, made unable to act there: one line, with every control
 * character, line or paragraph separator and invisible formatting character (a bidirectional override, say)
 * written as a visible escape. A message typed over two lines therefore cannot end an SQL comment and start a
 * statement or a psql meta-command, nor move a terminal's cursor.
 */
public final class InertText {

    private InertText() {
    }

    /** {@code text} as one printable line: {@code \n}, {@code \r}, {@code \t}, {@code \\}, else {@code \}{@code uXXXX}. */
    public static String line(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                int type = Character.getType(c);
                if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT) {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }
}
