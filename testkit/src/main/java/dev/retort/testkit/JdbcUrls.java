package dev.retort.testkit;

/** Rewrites the database part of a {@code jdbc:postgresql://} or {@code jdbc:mariadb://host:port/database?params} URL. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    public static String withDatabase(String url, String database) {
        String prefix = url.startsWith("jdbc:postgresql://") ? "jdbc:postgresql://"
                : url.startsWith("jdbc:mariadb://") ? "jdbc:mariadb://" : null;
        if (prefix == null) {
            throw new IllegalArgumentException("Not a PostgreSQL or MariaDB JDBC URL: " + url);
        }
        int slash = url.indexOf('/', prefix.length());
        int query = url.indexOf('?', prefix.length());
        String hosts = url.substring(prefix.length(), slash >= 0 ? slash : (query >= 0 ? query : url.length()));
        String params = query >= 0 ? url.substring(query) : "";
        return prefix + hosts + "/" + database + params;
    }
}
