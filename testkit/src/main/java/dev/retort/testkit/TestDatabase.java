package dev.retort.testkit;

import dev.retort.testkit.mariadb.MariaDbTestServer;
import dev.retort.testkit.postgres.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL (or MariaDB) database of its own for one test, dropped (with its connections) on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String url;
    private final boolean mariadb;

    private TestDatabase(String name, boolean mariadb) {
        this.name = name;
        this.mariadb = mariadb;
        this.url = mariadb ? MariaDbTestServer.urlFor(name) : PostgresTestServer.urlFor(name);
    }

    /** Creates a PostgreSQL database named {@code retort_test_<random>}. */
    public static TestDatabase create() {
        return create(false);
    }

    /** Creates a MariaDB database named {@code retort_test_<random>} (utf8mb4, the server's default collation). */
    public static TestDatabase createMariaDb() {
        return create(true);
    }

    private static TestDatabase create(boolean mariadb) {
        String name = "retort_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = admin(mariadb); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name + (mariadb ? " CHARACTER SET utf8mb4" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, mariadb);
    }

    private static Connection admin(boolean mariadb) throws SQLException {
        return mariadb ? MariaDbTestServer.connectAdmin() : PostgresTestServer.connectAdmin();
    }

    /** Whether this is a MariaDB database. */
    public boolean isMariaDb() {
        return mariadb;
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

    /** The catalog of schema {@code public} (on MariaDB: of this database). */
    public CatalogSnapshot snapshot() {
        return snapshot(mariadb ? name : "public");
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
        try (Connection admin = admin(mariadb); Statement st = admin.createStatement()) {
            if (mariadb) {
                List<Long> sessions = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '"
                        + name + "' AND ID <> CONNECTION_ID()")) {
                    while (rs.next()) {
                        sessions.add(rs.getLong(1));
                    }
                }
                for (long id : sessions) {
                    try {
                        st.execute("KILL " + id);
                    } catch (SQLException gone) {
                        // it ended by itself meanwhile
                    }
                }
                st.execute("DROP DATABASE IF EXISTS " + name);
                return;
            }
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}
