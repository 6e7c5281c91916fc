package dev.retort.diff;

/**
 * How the database itself spells desired types, defaults and check expressions, worked out beforehand by the
 * platform's spelling probe (for PostgreSQL, by creating them on temporary tables and reading them back) so the
 * comparator stays a pure function. Each method returns {@code null} when the form is unknown; the platform's
 * spelling rules then decide alone. The platform's {@link ComparisonDialect} puts the two together.
 */
public interface ServerSpellings {

    ServerSpellings NONE = new ServerSpellings() { };

    /** The database's spelling of {@code type}. */
    default String type(String type) {
        return null;
    }

    /** The database's spelling of {@code expression} as the default of a column of {@code type}. */
    default String defaultValue(String type, String expression) {
        return null;
    }

    /** The database's spelling of check {@code expression} on desired table {@code table}. */
    default String check(String table, String expression) {
        return null;
    }

    /** The database's spelling of generation {@code expression} of a column of desired table {@code table}. */
    default String generated(String table, String expression) {
        return null;
    }

    /** The server's text (PostgreSQL's {@code pg_get_viewdef}) of desired view {@code view}'s {@code query}. */
    default String view(String view, String query) {
        return null;
    }

    /**
     * Why the database could not be asked at all (say, the role may not create temporary tables), so every
     * spelling came from the rules alone; {@code null} when it was asked.
     */
    default String unavailable() {
        return null;
    }
}
