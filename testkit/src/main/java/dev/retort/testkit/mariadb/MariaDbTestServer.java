package dev.retort.testkit.mariadb;

import dev.retort.testkit.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Finds the MariaDB server tests use: {@code RETORT_TEST_MARIADB_URL} (a JDBC URL with a user allowed to create
 * databases), else the local server at {@code 127.0.0.1:3306} as {@code root} without a password (what
 * {@code scripts/ensure-mariadb} starts).
 */
public final class MariaDbTestServer {

    public static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private static volatile String adminUrl;

    private MariaDbTestServer() {
    }

    /** The JDBC URL without a database, resolved once per JVM. */
    public static String adminUrl() {
        String url = adminUrl;
        if (url == null) {
            synchronized (MariaDbTestServer.class) {
                url = adminUrl;
                if (url == null) {
                    url = resolve();
                    adminUrl = url;
                }
            }
        }
        return url;
    }

    private static String resolve() {
        String configured = System.getenv("RETORT_TEST_MARIADB_URL");
        String url = configured != null && !configured.isBlank() ? configured : DEFAULT_URL;
        try (Connection ignored = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            throw new IllegalStateException("No MariaDB server for the tests at " + url.replaceAll(
                    "(?i)(password=)[^&;]*", "$1***") + " (" + e.getMessage() + "): run scripts/ensure-mariadb, "
                    + "or set RETORT_TEST_MARIADB_URL to a JDBC URL such as " + DEFAULT_URL + ".", e);
        }
    }

    /** The same URL pointing at database {@code database}. */
    public static String urlFor(String database) {
        return JdbcUrls.withDatabase(adminUrl(), database);
    }

    public static Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(adminUrl());
    }
}
