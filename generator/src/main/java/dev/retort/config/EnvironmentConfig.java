package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code environments:} in {@code retort.yaml}, as written (before {@code ${VAR}} interpolation,
 * which happens only for the environment in use, so an unset production password never troubles development).
 */
public record EnvironmentConfig(@JsonProperty("url") String url,
                                @JsonProperty("user") String user,
                                @JsonProperty("password") String password) {
}
