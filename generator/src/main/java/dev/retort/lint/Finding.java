package dev.retort.lint;

/**
 * One thing a rule found in a revision's upgrade.
 *
 * @param revision  the revision's id
 * @param message   the revision's message
 * @param source    its file (or class)
 * @param statement the operation or SQL statement, one inert line
 * @param object    the table, {@code table.column}, index or constraint concerned
 * @param detail    what is wrong with this statement, in a sentence
 * @param allowedBecause the reason of the {@code @Allow} or {@code retort:allow} that accepts it, or {@code null}
 */
public record Finding(LintRule rule, LintRule.Level level, String revision, String message, String source,
                      String statement, String object, String detail, String allowedBecause) {

    public boolean allowed() {
        return allowedBecause != null;
    }
}
