package dev.retort.config;

/**
 * The database to connect to and where that choice came from ({@code source}, e.g. {@code "environment 'dev'
 * of /app/retort.yaml"} or {@code "--url"}), for error messages. {@link #toString()} never shows the password.
 *
 * @param user     the user, or {@code null} to leave it to the URL or the driver's default
 * @param password the password, or {@code null}
 */
public record DatabaseTarget(String url, String user, String password, String source) {

    /** The URL with any password masked. */
    public String maskedUrl() {
        return Secrets.maskUrl(url);
    }

    @Override
    public String toString() {
        return maskedUrl() + (user == null ? "" : " as " + user) + " (" + source + ")";
    }
}
