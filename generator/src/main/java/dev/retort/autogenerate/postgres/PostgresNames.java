package dev.retort.autogenerate.postgres;

import dev.retort.hibernate.HibernateTarget;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.mapping.Column;

/**
 * The name PostgreSQL gives an object Hibernate names in its DDL. A quoted identifier keeps its text; an
 * unquoted one is folded to lower case the way PostgreSQL folds it (ASCII letters only, as in a UTF-8
 * database); both are cut to PostgreSQL's 63-byte limit. Hibernate's DDL is that of its
 * {@code PostgreSQLDialect} for PostgreSQL {@value #MAJOR}.0, the oldest version Retort supports, so the schema
 * read does not depend on the machine.
 */
public final class PostgresNames implements HibernateTarget {

    public static final PostgresNames INSTANCE = new PostgresNames();

    /** {@code NAMEDATALEN - 1}. */
    static final int MAX_BYTES = 63;

    /** The PostgreSQL major version Hibernate's DDL is built for. */
    static final int MAJOR = 15;

    private PostgresNames() {
    }

    @Override
    public String id() {
        return "postgresql-" + MAJOR;
    }

    @Override
    public Map<String, String> dialectSettings() {
        return Map.of(JdbcSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect",
                JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL",
                JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, MAJOR + ".0",
                JdbcSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, String.valueOf(MAJOR),
                JdbcSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, "0");
    }

    @Override
    public String name(Identifier identifier) {
        return of(identifier);
    }

    @Override
    public String name(Column column) {
        return column.isQuoted() ? truncate(column.getName()) : fold(column.getName());
    }

    @Override
    public String verbatim(String name) {
        return verbatimName(name);
    }

    static String of(Identifier identifier) {
        return identifier.isQuoted() ? truncate(identifier.getText()) : fold(identifier.getText());
    }

    /**
     * A name Hibernate writes into the DDL verbatim (constraint and index names): double quotes around it
     * keep it as written, backticks too (Hibernate's own quoting), anything else is folded.
     */
    static String verbatimName(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return truncate(name.substring(1, name.length() - 1).replace("\"\"", "\""));
        }
        if (name.length() >= 2 && name.startsWith("`") && name.endsWith("`")) {
            return truncate(name.substring(1, name.length() - 1));
        }
        return fold(name);
    }

    static String fold(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return truncate(out.toString());
    }

    /** Cuts {@code name} to at most 63 UTF-8 bytes without splitting a character, as PostgreSQL does. */
    static String truncate(String name) {
        if (name.length() <= MAX_BYTES / 3 || name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }
}
