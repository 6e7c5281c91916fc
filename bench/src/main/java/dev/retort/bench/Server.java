package dev.retort.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PostgreSQL server the benchmark runs on: where it is, and the databases it creates and drops there. */
record Server(String host, int port, String user) {

    /** The JDBC URL of database {@code name}, with the user in it (the server trusts local logins). */
    String url(String name) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?user=" + user;
    }

    /** The SQLAlchemy URL of database {@code name}, for Alembic. */
    String sqlAlchemyUrl(String name) {
        return "postgresql+psycopg2://" + user + "@" + host + ":" + port + "/" + name;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /** Drops {@code name} when it exists (ending its sessions) and creates it empty. */
    void recreate(String name) throws SQLException {
        drop(name);
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        }
    }

    void drop(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
    }

    /** The server's version and the settings that bound what one transaction and one scan can do. */
    Map<String, String> facts() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version()")) {
                rs.next();
                facts.put("version", rs.getString(1));
            }
            for (String setting : List.of("max_locks_per_transaction", "max_connections", "max_prepared_transactions",
                    "shared_buffers", "work_mem", "fsync", "synchronous_commit")) {
                try (ResultSet rs = st.executeQuery("SELECT current_setting('" + setting + "')")) {
                    rs.next();
                    facts.put(setting, rs.getString(1));
                }
            }
        }
        return facts;
    }
}
