package dev.retort.runtime;

import dev.retort.migration.internal.LoadedRevision;
import java.util.List;

/** What the runner reports while it works; the command line prints it like Alembic's log lines. */
public interface RunListener {

    RunListener SILENT = new RunListener() { };

    /** About to apply ({@code upgrade == true}) or undo a revision, moving the heads {@code from} to {@code to}. */
    default void running(boolean upgrade, LoadedRevision loaded, List<String> from, List<String> to) {
    }

    /**
     * A revision gave up waiting for a lock and left nothing behind; it runs again after {@code delay}.
     *
     * @param attempt  the attempt that failed (1 for the first run)
     * @param attempts how many attempts there are in all
     * @param holders  the sessions that held the lock, described
     */
    default void retrying(LoadedRevision loaded, int attempt, int attempts, java.time.Duration delay,
                          List<String> holders) {
    }

    /** Another runner holds the lock; this one waits. */
    default void waitingForLock(String versionTable) {
    }

    /** A statement is about to run (for {@code --verbose}). */
    default void statement(String sql) {
    }

    /** Something the runner does on its own that the user should know about (rebuilding an INVALID index). */
    default void notice(String message) {
    }
}
