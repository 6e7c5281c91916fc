package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code environments:} in {@code retort.yaml}, as written (before {@code ${VAR}} interpolation,
 * which happens only for the environment in use, so an unset production password never troubles development).
 */
public record EnvironmentConfig(@JsonProperty("url") String url,
                                @JsonProperty("user") String user,
                                @JsonProperty("password") String password) {

    /**
     * An environment whose values are final, not retort.yaml text: a {@code $} in them stays a {@code $} when the
     * environment is expanded ({@code ${VAR}}), and a blank value counts as not given. For environments a build tool
     * or the application's own files supply.
     */
    public static EnvironmentConfig ofValues(String url, String user, String password) {
        return new EnvironmentConfig(literal(url), literal(user), literal(password));
    }

    private static String literal(String value) {
        return value == null || value.isBlank() ? null : value.replace("$", "$$");
    }
}
