package dev.retort.config;

import java.util.Map;

/**
 * Expands {@code ${VAR}} (the variable must be set) and {@code ${VAR:-default}} (the default when the variable
 * is unset or empty, as in a POSIX shell) from an environment map. {@code $$} is a literal dollar sign.
 */
final class Interpolation {

    private Interpolation() {
    }

    /**
     * @param where names the place in the file for error messages, e.g. {@code environments.prod.password}
     */
    static String expand(String value, Map<String, String> env, String where, String file) {
        if (value == null || value.indexOf('$') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    throw new ConfigException(file + ": " + where + " has an unclosed ${ in '" + value
                            + "'. Write ${NAME} or ${NAME:-default}.");
                }
                String body = value.substring(i + 2, end);
                int sep = body.indexOf(":-");
                String name = sep < 0 ? body : body.substring(0, sep);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new ConfigException(file + ": " + where + " refers to ${" + body + "}, which is not a valid "
                            + "variable name.");
                }
                String found = env.get(name);
                if (sep >= 0) {
                    out.append(found == null || found.isEmpty() ? body.substring(sep + 2) : found);
                } else if (found == null) {
                    throw new ConfigException(file + ": " + where + " uses ${" + name + "}, but the environment "
                            + "variable " + name + " is not set. Set it, or give a default with ${" + name
                            + ":-value}.");
                } else {
                    out.append(found);
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
