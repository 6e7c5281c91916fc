package dev.retort.cli;

import dev.retort.config.LockConfig;
import picocli.CommandLine.Option;

/** {@code --lock-timeout} and {@code --lock-retries} of upgrade and downgrade; they beat retort.yaml's keys. */
final class LockOptions {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "Run every revision with this "
            + "lock_timeout (5s, 500ms, 2min), so a statement gives up instead of queueing the application behind "
            + "it. Default: lock_timeout in retort.yaml, else the connection's.")
    String lockTimeout;

    @Option(names = "--lock-retries", paramLabel = "N", description = "Run a revision that gave up on a lock, and "
            + "left nothing behind, again up to N times, waiting 1 s, 2 s, 4 s, ... between (lock_retry_delay). "
            + "Default: lock_retries in retort.yaml, else 0.")
    Integer lockRetries;

    LockConfig config() {
        if (lockRetries != null && lockRetries < 0) {
            throw new dev.retort.RetortException("--lock-retries is " + lockRetries + "; give 0 or more.");
        }
        return new LockConfig(LockConfig.parseDuration(lockTimeout, "--lock-timeout"), lockRetries, null);
    }
}
