package dev.retort.testkit.postgres;

import dev.retort.testkit.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Finds the PostgreSQL server tests use: {@code RETORT_TEST_URL} (a JDBC URL to an administrative database
 * such as {@code postgres}, with a user allowed to create databases), else the local server at
 * {@code 127.0.0.1:5432} as user {@code postgres}, else, where Docker runs, a Testcontainers PostgreSQL.
 */
public final class PostgresTestServer {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static volatile String adminUrl;

    private PostgresTestServer() {
    }

    /** The JDBC URL of the administrative database, resolved once per JVM. */
    public static String adminUrl() {
        String url = adminUrl;
        if (url == null) {
            synchronized (PostgresTestServer.class) {
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
        String configured = System.getenv("RETORT_TEST_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        SQLException failure;
        try (Connection ignored = DriverManager.getConnection(DEFAULT_URL)) {
            return DEFAULT_URL;
        } catch (SQLException e) {
            failure = e;
        }
        String container = ContainerServer.startIfDockerAvailable();
        if (container != null) {
            return container;
        }
        throw new IllegalStateException("No PostgreSQL server for the tests: set RETORT_TEST_URL to a JDBC URL such as "
                + DEFAULT_URL + ", start the local server (" + failure.getMessage() + "), or run Docker so "
                + "Testcontainers can start one.", failure);
    }

    /** The same URL pointing at database {@code database} instead of the administrative one. */
    public static String urlFor(String database) {
        return JdbcUrls.withDatabase(adminUrl(), database);
    }

    public static Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(adminUrl());
    }
}
