package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.retort.lint.LintRule;
import java.util.Map;

/**
 * retort.yaml's {@code lint:} section: a level per rule id ({@code error}, {@code warning} or {@code off}) for the
 * rules whose default does not suit the project.
 */
public record LintConfig(Map<LintRule, LintRule.Level> levels) {

    public LintConfig {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    public static LintConfig defaults() {
        return new LintConfig(Map.of());
    }

    /** The shape of the YAML section. */
    record Document(@JsonProperty("rules") Map<String, String> rules) {
    }
}
