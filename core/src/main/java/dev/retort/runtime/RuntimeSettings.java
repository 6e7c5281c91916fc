package dev.retort.runtime;

import java.util.Objects;

/**
 * How the runner records revisions.
 *
 * @param versionTable the table holding the applied heads, {@code retort_version} by default; it lives in
 *                     the connection's current schema, and its history beside it as {@code <name>_history}
 */
public record RuntimeSettings(String versionTable) {

    public static final String DEFAULT_VERSION_TABLE = "retort_version";

    /** The longest revision id the version table's {@code varchar} column holds. */
    public static final int MAX_REVISION_ID_LENGTH = 64;

    /** PostgreSQL's longest name, in bytes (NAMEDATALEN - 1); a longer one is silently cut. */
    static final int MAX_IDENTIFIER_LENGTH = 63;

    public RuntimeSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        if (versionTable.isBlank()) {
            throw new IllegalArgumentException("The version table name must not be empty");
        }
        int room = MAX_IDENTIFIER_LENGTH - HistoryTable.SUFFIX.length();
        if (versionTable.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > room) {
            throw new dev.retort.RetortException("The version table name '" + dev.retort.InertText.line(versionTable)
                    + "' is too long: Retort keeps the revision history beside it in '<version table>"
                    + HistoryTable.SUFFIX + "', and PostgreSQL names hold at most " + MAX_IDENTIFIER_LENGTH
                    + " bytes, so a version table name may have at most " + room + ". Choose a shorter one "
                    + "(version_table in retort.yaml, retort.version-table in Spring Boot).");
        }
    }

    /** The table logging when each revision was applied, undone or stamped: {@code <version table>_history}. */
    public String historyTable() {
        return historyTableOf(versionTable);
    }

    /** The history table beside the version table {@code versionTable}. */
    public static String historyTableOf(String versionTable) {
        return versionTable + HistoryTable.SUFFIX;
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(DEFAULT_VERSION_TABLE);
    }
}
