package dev.retort.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Identifies a {@link Migration} class and places it in the revision graph. The identity of a revision
 * lives here and nowhere else: the class name is only for people.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    /** The revision id: letters, digits and underscores, e.g. a 12-digit hex string. */
    String id();

    /** The parent revision id(s): none for a first revision, several for a merge. */
    String[] parent() default {};

    /** What the revision does, one line. */
    String message() default "";

    /** Names for the branch this revision starts, usable as {@code label@head} targets. */
    String[] branchLabels() default {};

    /** When the revision was generated, ISO-8601; informative only. */
    String created() default "";

    /**
     * Whether the revision runs in one transaction together with its version-table update (the default), so a
     * failure leaves nothing of it behind. {@code false} runs each statement on its own, committed as it
     * completes, and records the revision only once all have run: the home for what PostgreSQL cannot do
     * inside a transaction ({@code CREATE INDEX CONCURRENTLY}) and for a migration that commits by itself
     * (batched backfills). Such a revision must be safe to run again after a failure half way.
     */
    boolean transactional() default true;

    /** Lint findings accepted on purpose in this revision, each with its reason ({@code retort lint}). */
    Allow[] lint() default {};
}
