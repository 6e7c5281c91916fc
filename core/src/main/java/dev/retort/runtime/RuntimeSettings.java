package dev.retort.runtime;

import java.util.Objects;

/**
 * How the runner records revisions.
 *
 * @param versionTable the table holding the applied heads, {@code retort_version} by default; it lives in
 *                     the connection's current schema
 */
public record RuntimeSettings(String versionTable) {

    public static final String DEFAULT_VERSION_TABLE = "retort_version";

    /** The longest revision id the version table's {@code varchar} column holds. */
    public static final int MAX_REVISION_ID_LENGTH = 64;

    public RuntimeSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        if (versionTable.isBlank()) {
            throw new IllegalArgumentException("The version table name must not be empty");
        }
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(DEFAULT_VERSION_TABLE);
    }
}
