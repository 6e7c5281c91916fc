package dev.retort.testkit;

import dev.retort.testkit.postgres.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database of its own for one test, dropped (with its connections) on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String url;

    private TestDatabase(String name) {
        this.name = name;
        this.url = PostgresTestServer.urlFor(name);
    }

    /** Creates a database named {@code retort_test_<random>}. */
    public static TestDatabase create() {
        String name = "retort_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = PostgresTestServer.connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of this database, credentials included as the server configuration gives them. */
    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs SQL statements in autocommit mode. */
    public void execute(String... sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The catalog of schema {@code public}. */
    public CatalogSnapshot snapshot() {
        return snapshot("public");
    }

    /** The catalog of every schema ({@link CatalogSnapshot#takeAll}), without the {@code except} tables. */
    public CatalogSnapshot snapshotAll(String... except) {
        try (Connection c = connect()) {
            return CatalogSnapshot.takeAll(c, except);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public CatalogSnapshot snapshot(String schema) {
        try (Connection c = connect()) {
            return CatalogSnapshot.take(c, schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection admin = PostgresTestServer.connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}
