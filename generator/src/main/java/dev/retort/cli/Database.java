package dev.retort.cli;

import dev.retort.RetortException;
import dev.retort.config.DatabaseTarget;
import dev.retort.config.Secrets;
import dev.retort.platform.Platform;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens the connection and turns the driver's failures into messages that say what to fix. */
final class Database {

    private Database() {
    }

    static Connection connect(DatabaseTarget target, String schema) {
        Properties props = new Properties();
        if (target.user() != null) {
            props.setProperty("user", target.user());
        }
        if (target.password() != null) {
            props.setProperty("password", target.password());
        }
        boolean mariadb = target.url().startsWith("jdbc:mariadb:");
        if (mariadb) {
            props.setProperty("connectTimeout", "10000"); // milliseconds, for MariaDB Connector/J
            props.setProperty("connectionAttributes", "program_name:retort");
        } else {
            props.setProperty("ApplicationName", "retort");
            props.setProperty("connectTimeout", "10"); // seconds, for the PostgreSQL driver
        }
        Connection connection;
        try {
            // The driver itself rather than DriverManager, which hands out only drivers the caller's class loader
            // sees: where Retort is loaded twice in one JVM (the Maven plugin reading with an application's own
            // Hibernate), the copy it registered first may be the other one.
            java.sql.Driver driver = mariadb ? new org.mariadb.jdbc.Driver() : new org.postgresql.Driver();
            connection = driver.connect(target.url(), props);
            if (connection == null) {
                throw new SQLException("The " + (mariadb ? "MariaDB" : "PostgreSQL") + " driver does not accept the "
                        + "URL " + target.maskedUrl(), "08001");
            }
        } catch (SQLException e) {
            throw new RetortException(explain(target, e), null);
        }
        try {
            if (schema != null) {
                useSchema(connection, schema, target);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
            if (e instanceof RetortException re) {
                throw re;
            }
            throw new RetortException("Cannot prepare the connection to " + target + ": " + e.getMessage());
        }
    }

    private static void useSchema(Connection connection, String schema, DatabaseTarget target) throws SQLException {
        Platform platform = Platform.forUrl(target.url());
        if (!platform.schemaExists(connection, schema)) {
            throw new RetortException("Schema '" + schema + "' (schema: in retort.yaml) does not exist in "
                    + target + ". Create it with CREATE SCHEMA " + platform.dialect().quote(schema)
                    + ", or correct the setting.");
        }
        try (Statement st = connection.createStatement()) {
            st.execute(platform.useSchema(schema));
        }
    }

    /** The {@code user=} parameter of a JDBC URL, or {@code null}. */
    private static String userInUrl(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith("user=")) {
                return java.net.URLDecoder.decode(pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String explain(DatabaseTarget target, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = Secrets.scrub(e.getMessage() == null ? e.toString() : e.getMessage().strip(), target.password())
                .replaceAll("\\.+$", "");
        String user = target.user() != null ? target.user() : userInUrl(target.url());
        String where = target.maskedUrl() + " (" + target.source() + ")";
        boolean fromEnvironment = target.source().startsWith("environment ");
        if (target.url().startsWith("jdbc:mariadb:")) {
            return switch (e.getErrorCode()) {
                case 1045 -> "The MariaDB server at " + where + " refused the login" + (user == null ? "" : " of user '"
                        + user + "'") + ": " + detail + ". Check the user name and the password "
                        + (fromEnvironment ? "(the environment variable or password: in retort.yaml)."
                            : "given in the URL (" + target.source() + ").");
                case 1049 -> "The database in " + where + " does not exist: " + detail
                        + ". Create it (CREATE DATABASE name) or correct the URL.";
                default -> "Cannot connect to MariaDB at " + where + ": " + detail
                        + (state.startsWith("08") || state.isEmpty() ? ". Is the server running, and are host and "
                            + "port right?" : " [error " + e.getErrorCode() + ", SQLSTATE " + state + "].");
            };
        }
        return switch (state) {
            case "28P01" -> "Password authentication failed" + (user == null ? "" : " for user '" + user + "'")
                    + " at " + where + ". Check the password "
                    + (fromEnvironment ? "(the environment variable or password: in retort.yaml)."
                        : "given in the URL (" + target.source() + ").");
            case "28000" -> "The server at " + where + " refused the login: " + detail
                    + ". Check the user name and the server's pg_hba.conf.";
            case "3D000" -> "The database in " + where + " does not exist: " + detail
                    + ". Create it (createdb NAME) or correct the URL.";
            case "08001", "08004", "08006", "" -> "Cannot connect to PostgreSQL at " + where + ": " + detail
                    + (detail.contains("Check that the hostname and port") ? "." : ". Is the server running, and are host and port right?");
            default -> "Cannot connect to " + where + ": " + detail + " [SQLSTATE " + state + "].";
        };
    }
}
