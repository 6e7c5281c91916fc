package dev.retort.runtime;

import java.time.OffsetDateTime;

/**
 * One row of the revision history: a revision applied ({@code upgrade}), undone ({@code downgrade}) or recorded
 * without running ({@code stamp}).
 *
 * @param revision        the revision's id
 * @param operation       {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param message         the revision's message, as one line
 * @param appliedAt       when its transaction started, by the database's clock
 * @param appliedBy       the database user that ran it
 * @param executionMillis how long the runner took over it; {@code null} for an offline script or a stamp
 */
public record HistoryEntry(String revision, String operation, String message, OffsetDateTime appliedAt,
                           String appliedBy, Long executionMillis) {
}
