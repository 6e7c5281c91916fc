package dev.retort.render;

/**
 * Escapes text copied from models and databases into generated Java source. String literals escape quotes,
 * backslashes, control and non-ASCII characters; comments additionally cannot be closed early by
 * {@code *}{@code /} nor bent by a {@code \}{@code u} escape (javac decodes those even inside comments).
 */
public final class JavaText {

    private JavaText() {
    }

    /** A Java string literal, quotes included. */
    public static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Text for a single-line comment or Javadoc: one line, ASCII, unable to end the comment. */
    public static String comment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '*' && i + 1 < value.length() && value.charAt(i + 1) == '/') {
                out.append("*\\/");
                i++;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString().replace("@", "{@literal @}");
    }

    /**
     * A Java identifier fragment for a class name from free text: lower-case ASCII letters, digits and
     * underscores, at most {@code max} characters.
     */
    public static String slug(String message, int max) {
        String slug = message.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (slug.length() > max) {
            slug = slug.substring(0, max).replaceAll("_+$", "");
        }
        return slug;
    }
}
