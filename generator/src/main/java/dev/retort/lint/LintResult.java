package dev.retort.lint;

import java.util.List;

/**
 * What {@code retort lint} found.
 *
 * @param revisions how many revisions were linted
 * @param findings  every finding, in revision order, allowed ones included ({@link Finding#allowed()})
 */
public record LintResult(int revisions, List<Finding> findings) {

    public LintResult {
        findings = List.copyOf(findings);
    }

    /** The findings that count: not allowed. */
    public List<Finding> open() {
        return findings.stream().filter(f -> !f.allowed()).toList();
    }

    public long errors() {
        return open().stream().filter(f -> f.level() == LintRule.Level.ERROR).count();
    }

    public long warnings() {
        return open().stream().filter(f -> f.level() == LintRule.Level.WARNING).count();
    }

    public long allowedCount() {
        return findings.stream().filter(Finding::allowed).count();
    }
}
