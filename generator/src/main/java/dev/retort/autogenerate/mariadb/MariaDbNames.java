package dev.retort.autogenerate.mariadb;

import dev.retort.hibernate.HibernateTarget;
import java.util.Map;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.mapping.Column;

/**
 * Hibernate's {@code MariaDBDialect} for MariaDB 10.11, offline, and how MariaDB names what its DDL names: a name
 * keeps its case (table names are case-sensitive where {@code lower_case_table_names = 0}, the Linux default;
 * column names compare without case but are stored as written), quoted or not, and holds at most 64 characters.
 */
public final class MariaDbNames implements HibernateTarget {

    public static final MariaDbNames INSTANCE = new MariaDbNames();

    /** MariaDB's identifier length limit, in characters. */
    static final int MAX_CHARACTERS = 64;

    private MariaDbNames() {
    }

    @Override
    public String id() {
        return "mariadb-10.11";
    }

    @Override
    public Map<String, String> dialectSettings() {
        return Map.of(JdbcSettings.DIALECT, "org.hibernate.dialect.MariaDBDialect",
                JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "MariaDB",
                JdbcSettings.JAKARTA_HBM2DDL_DB_VERSION, "10.11",
                JdbcSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, "10",
                JdbcSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, "11");
    }

    @Override
    public String name(Identifier identifier) {
        return truncate(identifier.getText());
    }

    @Override
    public String name(Column column) {
        return truncate(column.getName());
    }

    @Override
    public String verbatim(String name) {
        if (name.length() >= 2 && ((name.startsWith("`") && name.endsWith("`"))
                || (name.startsWith("\"") && name.endsWith("\"")))) {
            char q = name.charAt(0);
            return truncate(name.substring(1, name.length() - 1).replace("" + q + q, "" + q));
        }
        return truncate(name);
    }

    static String truncate(String name) {
        return name.codePointCount(0, name.length()) <= MAX_CHARACTERS ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_CHARACTERS));
    }
}
