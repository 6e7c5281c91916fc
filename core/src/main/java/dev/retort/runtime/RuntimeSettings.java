package dev.retort.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How the runner records revisions, and how it waits for locks.
 *
 * @param versionTable   the table holding the applied heads, {@code retort_version} by default; it lives in
 *                       the connection's current schema, and its history beside it as {@code <name>_history}
 * @param lockTimeout    the {@code lock_timeout} every revision runs with ({@code SET LOCAL} in its transaction),
 *                       or {@code null} to leave the connection's own
 * @param lockRetries    how many times a revision that gave up waiting for a lock (and left nothing behind) is run
 *                       again
 * @param lockRetryDelay the wait before the first retry; each further one waits twice as long, at most a minute
 */
public record RuntimeSettings(String versionTable, Duration lockTimeout, int lockRetries, Duration lockRetryDelay) {

    public static final String DEFAULT_VERSION_TABLE = "retort_version";

    /** The longest revision id the version table's {@code varchar} column holds. */
    public static final int MAX_REVISION_ID_LENGTH = 64;

    public static final Duration DEFAULT_LOCK_RETRY_DELAY = Duration.ofSeconds(1);

    public RuntimeSettings(String versionTable) {
        this(versionTable, null, 0, DEFAULT_LOCK_RETRY_DELAY);
    }

    public RuntimeSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        lockRetryDelay = lockRetryDelay == null ? DEFAULT_LOCK_RETRY_DELAY : lockRetryDelay;
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lock retries must not be negative: " + lockRetries);
        }
        if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
            throw new IllegalArgumentException("lock_timeout must be positive: " + lockTimeout);
        }
        if (versionTable.isBlank()) {
            throw new IllegalArgumentException("The version table name must not be empty");
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

    /** Where DDL is not transactional, the record of a revision's progress beside the version table. */
    public static String progressTableOf(String versionTable) {
        return versionTable + ProgressTable.SUFFIX;
    }

    /** The wait before retry {@code attempt} (1 for the first): the delay doubled each time, at most a minute. */
    public Duration retryDelay(int attempt) {
        long ms = lockRetryDelay.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(ms, Duration.ofMinutes(1).toMillis()));
    }

    /** {@code lock_timeout}'s value as PostgreSQL reads it, e.g. {@code '5000ms'}. */
    String lockTimeoutLiteral() {
        return "'" + lockTimeout.toMillis() + "ms'";
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(DEFAULT_VERSION_TABLE);
    }
}
