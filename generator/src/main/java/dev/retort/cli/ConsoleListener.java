package dev.retort.cli;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.runtime.RunListener;
import dev.retort.runtime.Runner;
import dev.retort.runtime.Step;
import java.io.PrintWriter;
import java.util.List;

/** Prints the runner's progress on stderr, as Alembic logs it; with {@code --verbose} also each statement. */
final class ConsoleListener implements RunListener {

    private final PrintWriter err;
    private final boolean verbose;

    ConsoleListener(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void running(boolean upgrade, LoadedRevision loaded, List<String> from, List<String> to) {
        err.println(Runner.progress(new Step(loaded, upgrade, from, to)));
        err.flush();
    }

    @Override
    public void retrying(LoadedRevision loaded, int attempt, int attempts, java.time.Duration delay,
                         List<String> holders) {
        err.println("  Gave up waiting for a lock (attempt " + attempt + " of " + attempts + ")"
                + (holders.isEmpty() ? "" : "; held by " + String.join("; ", holders)) + ". Nothing of the revision "
                + "stays; running it again in " + seconds(delay) + "...");
        err.flush();
    }

    private static String seconds(java.time.Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }

    @Override
    public void waitingForLock(String versionTable) {
        err.println("Waiting for another retort run on " + versionTable + " to finish...");
        err.flush();
    }

    @Override
    public void notice(String message) {
        err.println("  " + message);
        err.flush();
    }

    @Override
    public void statement(String sql) {
        if (verbose) {
            err.println("    " + sql.replace("\n", "\n    ") + ";");
            err.flush();
        }
    }
}
