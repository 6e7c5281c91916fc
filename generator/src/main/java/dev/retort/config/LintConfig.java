package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.retort.lint.LintRule;
import java.util.Map;

/**
 * retort.yaml's {@code lint:} section.
 *
 * @param levels a level per rule ({@code error}, {@code warning} or {@code off}) for the rules whose default does
 *               not suit the project
 * @param since  the last released revision: {@code check} also lints every revision after it ({@code base}: all);
 *               {@code null} when check does not lint
 */
public record LintConfig(Map<LintRule, LintRule.Level> levels, String since) {

    public LintConfig {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    public static LintConfig defaults() {
        return new LintConfig(Map.of(), null);
    }

    /** The shape of the YAML section. */
    record Document(@JsonProperty("rules") Map<String, String> rules, @JsonProperty("since") String since) {
    }
}
