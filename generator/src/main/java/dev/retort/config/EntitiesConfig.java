package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the {@code @Entity} classes are: {@code packages} to scan (subpackages included) on {@code classpath}
 * (directories and jars, relative to {@code retort.yaml}; the application's compiled classes and the libraries
 * its entities need), the naming strategies the application gives Hibernate, and any other Hibernate
 * {@code settings} that change its DDL (such as {@code hibernate.auto_quote_keyword}).
 */
public record EntitiesConfig(@JsonProperty("packages") List<String> packages,
                             @JsonProperty("classpath") List<String> classpath,
                             @JsonProperty("naming") NamingConfig naming,
                             @JsonProperty("settings") Map<String, String> settings) {

    public EntitiesConfig {
        packages = packages == null ? List.of() : List.copyOf(packages);
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
        naming = naming == null ? new NamingConfig(null, null) : naming;
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
    }

    /**
     * Hibernate's naming strategies: a preset ({@code default}, {@code spring}) or a class name, for the physical
     * strategy (how logical names become table and column names) and the implicit one (names nobody wrote).
     */
    public record NamingConfig(@JsonProperty("physical") String physical,
                               @JsonProperty("implicit") String implicit) {
    }
}
