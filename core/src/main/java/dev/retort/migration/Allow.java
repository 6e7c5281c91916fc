package dev.retort.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts one lint finding on purpose, with the reason a reviewer can judge:
 * {@code @Revision(id = "...", lint = @Allow(rule = "index-not-concurrent", reason = "reminders is empty in
 * production until the feature ships"))}. With {@code object} only the findings about that table, column
 * ({@code table.column}), index or constraint are accepted; without it, every finding of the rule in the
 * revision. Inside SQL given to {@code op.execute}, a comment before the statement does the same for that
 * statement: {@code -- retort:allow index-not-concurrent: the table is new in this release}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Allow {

    /** The rule's id, as {@code retort lint} prints it (e.g. {@code set-not-null}). */
    String rule();

    /** Why the finding is acceptable here; required, and shown by {@code retort lint --verbose}. */
    String reason();

    /** The one table, {@code table.column}, index or constraint the allowance covers; empty: all of the revision. */
    String object() default "";
}
