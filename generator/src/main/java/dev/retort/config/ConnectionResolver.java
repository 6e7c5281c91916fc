package dev.retort.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Chooses the database: {@code --url} beats {@code RETORT_URL}, which beats {@code DATABASE_URL}, which beats
 * the selected environment of {@code retort.yaml} ({@code --env}, else {@code RETORT_ENV}, else {@code dev}).
 * A URL given by option or variable replaces the whole connection, credentials included, so an environment's
 * user and password never leak onto another server. {@code DATABASE_URL} may also be the
 * {@code postgres://user:password@host:port/db} form platforms hand out.
 */
public final class ConnectionResolver {

    public static final String DEFAULT_ENVIRONMENT = "dev";

    private ConnectionResolver() {
    }

    public static DatabaseTarget resolve(RetortConfig config, String urlOption, String envOption,
                                         Map<String, String> env) {
        String envName = firstNonBlank(envOption, env.get("RETORT_ENV"));
        if (envName != null && !config.environments().containsKey(envName)) {
            boolean urlGiven = notBlank(urlOption) || notBlank(env.get("RETORT_URL")) || notBlank(env.get("DATABASE_URL"));
            throw unknownEnvironment(config, envName, notBlank(envOption) ? "from --env" : "from RETORT_ENV", urlGiven);
        }
        if (notBlank(urlOption)) {
            return fromUrl(urlOption, "--url");
        }
        if (notBlank(env.get("RETORT_URL"))) {
            return fromUrl(env.get("RETORT_URL"), "RETORT_URL");
        }
        if (notBlank(env.get("DATABASE_URL"))) {
            return fromUrl(env.get("DATABASE_URL"), "DATABASE_URL");
        }
        String name = envName == null ? DEFAULT_ENVIRONMENT : envName;
        EnvironmentConfig environment = config.environments().get(name);
        if (environment == null && envName == null && config.environments().isEmpty()) {
            throw noDatabase(config);
        }
        if (environment == null) {
            throw unknownEnvironment(config, name, "the default", false);
        }
        // No file, yet environments: a build tool configured them (the Maven plugin's <environments>).
        String file = config.file() == null ? "the build's configuration" : config.file().toString();
        String prefix = "environments." + name + ".";
        String url = Interpolation.expand(environment.url(), env, prefix + "url", file);
        if (!notBlank(url)) {
            throw new ConfigException(file + ": environment '" + name + "' has no url. Add "
                    + "url: jdbc:postgresql://host:5432/database under environments." + name + ".");
        }
        String user = Interpolation.expand(environment.user(), env, prefix + "user", file);
        String password = Interpolation.expand(environment.password(), env, prefix + "password", file);
        DatabaseTarget fromEnv = fromUrl(url, "environment '" + name + "' of " + file);
        rejectConflict(fromEnv.url(), "user", user, prefix, file);
        rejectConflict(fromEnv.url(), "password", password, prefix, file);
        return new DatabaseTarget(fromEnv.url(), notBlank(user) ? user : fromEnv.user(),
                notBlank(password) ? password : fromEnv.password(), fromEnv.source());
    }

    /**
     * The driver lets {@code ?user=} in the URL win over the connection properties, which would silently
     * ignore the environment's {@code user:}; a URL and a key that disagree are therefore an error.
     */
    private static void rejectConflict(String jdbcUrl, String key, String configured, String prefix, String file) {
        if (!notBlank(configured)) {
            return;
        }
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(key)
                    && !decode(pair.substring(eq + 1)).equals(configured)) {
                throw new ConfigException(file + ": " + prefix + key + " and the " + key + "= parameter of "
                        + prefix + "url disagree" + (key.equals("user") ? " ('" + configured + "' versus '"
                        + decode(pair.substring(eq + 1)) + "')" : "") + ". Keep only one of them.");
            }
        }
    }

    /** Nothing names a database, which only the commands that connect to one mind. */
    private static ConfigException noDatabase(RetortConfig config) {
        return new ConfigException("No database is configured: "
                + (config.file() == null ? "there is no retort.yaml in " + config.baseDirectory()
                    : config.file() + " defines no environments")
                + ", and neither --url nor RETORT_URL nor DATABASE_URL is given. This command connects to a "
                + "database: give --url JDBC_URL, set RETORT_URL, or "
                + (config.file() == null ? "create a retort.yaml with environments (retort init writes one)."
                    : "add environments.dev with its url to " + config.file() + "."));
    }

    private static ConfigException unknownEnvironment(RetortConfig config, String name, String source,
                                                      boolean urlGiven) {
        String where = config.file() == null ? "no retort.yaml was found" : config.file() + " defines "
                + (config.environments().isEmpty() ? "no environments" : config.environments().keySet());
        return new ConfigException("Unknown environment '" + name + "' (" + source + "): " + where
                + (urlGiven ? ". A URL does not make an unknown environment name right: choose one of those, or "
                        + "drop --env / RETORT_ENV."
                    : ". Choose one with --env or RETORT_ENV, add it under environments:, or give --url."));
    }

    /**
     * Accepts {@code jdbc:postgresql://...} and {@code jdbc:mariadb://...} as they are and converts
     * {@code postgres(ql)://user:pw@host/db}.
     */
    static DatabaseTarget fromUrl(String url, String source) {
        String u = url.strip();
        if (u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:mariadb:")) {
            return new DatabaseTarget(u, null, null, source);
        }
        if (u.startsWith("postgres://") || u.startsWith("postgresql://")) {
            try {
                URI uri = new URI(u);
                // The raw authority, not getHost(): java.net.URI has no host for "db_1" or "h1:5432,h2:5432",
                // both of which PostgreSQL accepts.
                String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
                int at = authority.lastIndexOf('@');
                String user = null;
                String password = null;
                if (at >= 0) {
                    String[] parts = authority.substring(0, at).split(":", 2);
                    user = decode(parts[0]);
                    password = parts.length > 1 ? decode(parts[1]) : null;
                }
                String hosts = authority.substring(at + 1);
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                return new DatabaseTarget("jdbc:postgresql://" + (hosts.isEmpty() ? "localhost" : hosts)
                        + uri.getRawPath() + query, user, password, source);
            } catch (URISyntaxException e) {
                throw new ConfigException("The database URL from " + source + " is malformed: "
                        + Secrets.maskUrl(u) + ". Use jdbc:postgresql://host:5432/database.");
            }
        }
        throw new ConfigException("The database URL from " + source + " is not a PostgreSQL URL (nor a MariaDB "
                + "one): " + Secrets.maskUrl(u) + ". Use jdbc:postgresql://host:5432/database, or "
                + "jdbc:mariadb://host:3306/database.");
    }

    /** Percent-decoding only: a {@code +} in a URL's user info is a plus sign, not a space as in a form. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String firstNonBlank(String a, String b) {
        return notBlank(a) ? a : notBlank(b) ? b : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
