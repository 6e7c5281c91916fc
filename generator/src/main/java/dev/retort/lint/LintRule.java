package dev.retort.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lint rules. Each id is stable (configuration, allowances and JSON output name it) and has an entry in
 * docs/lint.md under the same anchor: what it locks and for how long, the safe form, when to ignore it.
 */
public enum LintRule {

    INDEX_NOT_CONCURRENT("index-not-concurrent", Level.ERROR,
            "index built or dropped without CONCURRENTLY on an existing table",
            "CREATE INDEX takes a SHARE lock on the table for the whole build, blocking every INSERT, UPDATE and "
                    + "DELETE (DROP INDEX: ACCESS EXCLUSIVE, blocking reads too)",
            "op.createIndexConcurrently / op.dropIndexConcurrently in a revision declared "
                    + "@Revision(transactional = false)"),
    CONSTRAINT_NOT_VALID("constraint-not-valid", Level.ERROR,
            "foreign key or check constraint added and validated in one step on an existing table",
            "ADD CONSTRAINT scans the whole table (a foreign key: both tables) while holding a lock that blocks "
                    + "writes (SHARE ROW EXCLUSIVE; a check: ACCESS EXCLUSIVE, reads too)",
            "ADD CONSTRAINT ... NOT VALID (instant), then ALTER TABLE ... VALIDATE CONSTRAINT ..., which scans "
                    + "under SHARE UPDATE EXCLUSIVE and lets reads and writes go on"),
    SET_NOT_NULL("set-not-null", Level.ERROR,
            "SET NOT NULL on an existing column without a validated IS NOT NULL check",
            "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, blocking reads and writes",
            "ADD CONSTRAINT c_not_null CHECK (c IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c_not_null; then SET "
                    + "NOT NULL, which PostgreSQL 12+ proves from the check without a scan; then drop the check"),
    TYPE_CHANGE_REWRITE("type-change-rewrite", Level.ERROR,
            "column type change that rewrites the table",
            "ALTER COLUMN ... TYPE rewrites every row and rebuilds the table's indexes under ACCESS EXCLUSIVE "
                    + "(not for varchar(n) to varchar(m >= n), to text, or dropping a length)",
            "expand/contract: add a column of the new type, backfill it in batches, switch the code, drop the "
                    + "old column"),
    VOLATILE_DEFAULT("volatile-default", Level.ERROR,
            "new column with a volatile default on an existing table",
            "a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()) is evaluated per "
                    + "row: ADD COLUMN rewrites the table under ACCESS EXCLUSIVE (a constant or now() does not)",
            "add the column without a default (or with a constant one), set the default, backfill in batches"),
    UNIQUE_CONSTRAINT_DIRECT("unique-constraint-direct", Level.ERROR,
            "unique constraint or primary key added directly on an existing table",
            "ADD UNIQUE / PRIMARY KEY builds its index under ACCESS EXCLUSIVE, blocking reads and writes for the "
                    + "whole build",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX ..."),
    DROP_TABLE("drop-table", Level.ERROR,
            "table dropped that the running previous release may still use",
            "the release still running during a deployment reads and writes the table until it stops: its "
                    + "queries fail, and the data is gone",
            "expand/contract: release code that no longer uses the table first, drop it in a later deploy"),
    DROP_COLUMN("drop-column", Level.ERROR,
            "column dropped that the running previous release may still use",
            "Hibernate names every mapped column in its INSERTs and SELECTs: the previous release fails on "
                    + "each of them until it stops",
            "expand/contract: release entities without the column (or @Transient) first, drop it in a later "
                    + "deploy"),
    RENAME_TABLE("rename-table", Level.ERROR,
            "table renamed while the running previous release may still use the old name",
            "the previous release's queries name the old table and fail until it stops",
            "expand/contract: create the new table (or a view under one of the names), move the code, drop "
                    + "the old one later"),
    RENAME_COLUMN("rename-column", Level.ERROR,
            "column renamed while the running previous release may still use the old name",
            "the previous release's INSERTs and SELECTs name the old column and fail until it stops",
            "expand/contract: add the new column, write both, backfill, move the reads, drop the old column "
                    + "later"),
    MISSING_LOCK_TIMEOUT("missing-lock-timeout", Level.ERROR,
            "revision that locks existing tables without a lock_timeout",
            "a statement waiting for its lock queues every later query on the table behind it, so one long "
                    + "report or open transaction stalls the application for as long as it runs",
            "op.execute(\"SET LOCAL lock_timeout = '5s'\") first (SET lock_timeout in a non-transactional "
                    + "revision); retry the deploy when it times out"),
    TRANSACTION_END("transaction-end", Level.ERROR,
            "COMMIT, ROLLBACK or END inside a migration",
            "it ends the revision's transaction half way: what ran before it stays even when a later statement "
                    + "fails (the runner refuses such a revision when it runs)",
            "@Revision(transactional = false) for a migration that commits by itself (batched backfills)"),
    UNPARSED_SQL("unparsed-sql", Level.WARNING,
            "SQL in op.execute that the lint cannot read",
            "the lint cannot say what it locks",
            "check it by hand; allow the finding with the reason once you have"),
    PREFER_BIGINT_PK("prefer-bigint-pk", Level.OFF,
            "integer primary key (style)",
            "an int4 key runs out at 2,147,483,647 rows; changing its type later rewrites the table and every "
                    + "referencing one",
            "bigint (Long in the entity)"),
    PREFER_TIMESTAMPTZ("prefer-timestamptz", Level.OFF,
            "timestamp without time zone (style)",
            "it stores wall-clock values whose meaning depends on the writer's time zone",
            "timestamp with time zone (Instant or OffsetDateTime in the entity)"),
    PREFER_TEXT("prefer-text", Level.OFF,
            "varchar(n) (style)",
            "raising the limit later is cheap, but lowering or checking it is not; PostgreSQL stores text and "
                    + "varchar alike",
            "text, with a CHECK (length(c) <= n) where a limit matters");

    private final String id;
    private final Level defaultLevel;
    private final String title;
    private final String why;
    private final String safeForm;

    LintRule(String id, Level defaultLevel, String title, String why, String safeForm) {
        this.id = id;
        this.defaultLevel = defaultLevel;
        this.title = title;
        this.why = why;
        this.safeForm = safeForm;
    }

    public String id() {
        return id;
    }

    public Level defaultLevel() {
        return defaultLevel;
    }

    public String title() {
        return title;
    }

    /** What locks what, and for how long (or what else goes wrong). */
    public String why() {
        return why;
    }

    public String safeForm() {
        return safeForm;
    }

    /** The rule's entry in the rule reference. */
    public String docLink() {
        return "docs/lint.md#" + id;
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** How much a rule's findings count: an error fails {@code retort lint}, a warning is only shown. */
    public enum Level {
        ERROR, WARNING, OFF;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Level> parse(String word) {
            return Arrays.stream(values()).filter(l -> l.word().equals(word)).findFirst();
        }
    }
}
