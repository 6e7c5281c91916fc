package dev.retort.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The lint rule reference")
class LintRuleDocsTest {

    @Test
    @DisplayName("has an entry for every rule, under its id, stating its default level, and no other")
    void everyRuleDocumented() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "docs", "lint.md"));
        List<String> headings = doc.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
        for (LintRule rule : LintRule.values()) {
            assertTrue(headings.contains(rule.id()), "docs/lint.md has no '## " + rule.id() + "'");
            String entry = doc.substring(doc.indexOf("\n## " + rule.id() + "\n"));
            String level = rule.defaultLevel() == LintRule.Level.OFF ? "off (style)" : rule.defaultLevel().word();
            assertTrue(entry.startsWith("\n## " + rule.id() + "\n\n**Default: " + level + ".**"),
                    rule.id() + ": " + entry.substring(0, Math.min(120, entry.length())));
        }
        List<String> ruleHeadings = headings.subList(headings.indexOf(LintRule.values()[0].id()), headings.size());
        assertEquals(Arrays.stream(LintRule.values()).map(LintRule::id).toList(), ruleHeadings,
                "the reference lists the rules in their order, and nothing else after them");
    }
}
