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
        NOT_VALID_CONSTRAINT("not-valid-constraint");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
