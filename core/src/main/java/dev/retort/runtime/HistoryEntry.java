package dev.retort.runtime;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * For each revision, the row that last brought it into the database (an upgrade or a stamp) and that no later
     * downgrade undid: what "applied when, by whom" means. {@code history} is oldest first, as the runner gives it.
     */
    public static Map<String, HistoryEntry> arrivals(List<HistoryEntry> history) {
        Map<String, HistoryEntry> arrivals = new HashMap<>();
        for (HistoryEntry e : history) {
            if (e.operation().equals("downgrade")) {
                arrivals.remove(e.revision());
            } else {
                arrivals.put(e.revision(), e);
            }
        }
        return arrivals;
    }
}
