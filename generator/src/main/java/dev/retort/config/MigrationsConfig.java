package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where migrations live: {@code directory} holds their sources (compiled in memory, so no build step is
 * needed between {@code generate} and {@code upgrade}); {@code package} is the Java package they declare,
 * used when writing new ones and to load compiled migrations from the class path when there is no directory.
 */
public record MigrationsConfig(@JsonProperty("directory") String directory,
                               @JsonProperty("package") String packageName) {
}
