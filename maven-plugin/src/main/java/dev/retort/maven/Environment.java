package dev.retort.maven;

/**
 * One {@code <environment>} of the plugin's {@code <environments>}: a named database, as under {@code environments:}
 * in retort.yaml, chosen with {@code -Dretort.env=NAME}.
 */
public class Environment {

    /** The name, such as {@code prod}. */
    String name;

    /** {@code jdbc:postgresql://host:5432/database}. */
    String url;

    /** The user, or none to leave it to the URL. */
    String user;

    /** The password; never printed. */
    String password;
}
