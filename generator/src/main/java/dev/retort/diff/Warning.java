package dev.retort.diff;

/**
 * Something a reviewer must know about a detected change: it loses data, may fail on existing rows, may be
 * a rename Retort cannot tell apart, cannot be generated at all, or was compared less exactly than usual; or
 * about the database itself: an index or constraint PostgreSQL does not use or enforce.
 *
 * @param table  the table concerned, or {@code null}
 * @param column the column concerned, or {@code null}
 */
public record Warning(Kind kind, String table, String column, String message) {

    /** What kind of risk a warning names; stable names for JSON. */
    public enum Kind {
        DATA_LOSS("data-loss"),
        NOT_NULL_WITHOUT_DEFAULT("not-null-without-default"),
        POSSIBLE_RENAME("possible-rename"),
        CONVERSION("conversion"),
        UNSUPPORTED("unsupported"),
        /** The database could not spell the entities' types, defaults and checks; the rules alone compared them. */
        RULES_ONLY("rules-only"),
        /** An index left INVALID by an interrupted or failed concurrent build: maintained, never used. */
        INVALID_INDEX("invalid-index"),
        /** A constraint added NOT VALID and not validated since: the rows before it are unchecked. */
        NOT_VALID_CONSTRAINT("not-valid-constraint"),
        /** From the data: rows that hold NULL where the change sets NOT NULL. */
        DATA_NULLS("data-nulls"),
        /** From the data: values longer than a shorter type allows. */
        DATA_TOO_LONG("data-too-long"),
        /** From the data: numbers outside a narrower integer type's range. */
        DATA_OUT_OF_RANGE("data-out-of-range"),
        /** From the data: a NOT NULL column without a default is added to a table that has rows. */
        DATA_ROWS_EXIST("data-rows-exist"),
        /** From the data: values a new unique index, unique constraint or primary key finds more than once. */
        DATA_DUPLICATES("data-duplicates"),
        /** From the data: rows a new foreign key finds no referenced row for. */
        DATA_ORPHANS("data-orphans"),
        /** From the data: rows a new check constraint rejects. */
        DATA_CHECK_VIOLATIONS("data-check-violations"),
        /** From pg_class: the table a rewrite, a scan or a blocking build works on is large. */
        LARGE_TABLE("large-table"),
        /** A data check that took longer than its time limit, so it says nothing. */
        DATA_CHECK_SKIPPED("data-check-skipped");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Whether it reports the data of the database compared (counts, sizes), not the change itself. */
        public boolean aboutData() {
            return switch (this) {
                case DATA_NULLS, DATA_TOO_LONG, DATA_OUT_OF_RANGE, DATA_ROWS_EXIST, DATA_DUPLICATES, DATA_ORPHANS,
                     DATA_CHECK_VIOLATIONS, LARGE_TABLE, DATA_CHECK_SKIPPED -> true;
                default -> false;
            };
        }
    }
}
