package dev.retort.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code upgrade} and {@code downgrade} wait for locks: retort.yaml's {@code lock_timeout}, {@code lock_retries}
 * and {@code lock_retry_delay}.
 *
 * @param lockTimeout    the lock_timeout every revision runs with, or {@code null} for the connection's own
 * @param lockRetries    how many times a revision that gave up on a lock is run again, or {@code null} (none)
 * @param lockRetryDelay the wait before the first retry, doubling after, or {@code null} (one second)
 */
public record LockConfig(Duration lockTimeout, Integer lockRetries, Duration lockRetryDelay) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

    public static LockConfig defaults() {
        return new LockConfig(null, null, null);
    }

    /** {@code other}'s values where it has them, else this one's. */
    public LockConfig overriddenBy(LockConfig other) {
        return new LockConfig(other.lockTimeout != null ? other.lockTimeout : lockTimeout,
                other.lockRetries != null ? other.lockRetries : lockRetries,
                other.lockRetryDelay != null ? other.lockRetryDelay : lockRetryDelay);
    }

    /**
     * A duration as PostgreSQL writes its settings: {@code 5s}, {@code 500ms}, {@code 2min}, {@code 1h}, or a bare
     * number of milliseconds; {@code null} when {@code value} is {@code null}.
     *
     * @param where the key or option, for the message
     */
    public static Duration parseDuration(String value, String where) {
        if (value == null) {
            return null;
        }
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ConfigException(where + " is '" + dev.retort.InertText.line(value) + "'; give a positive duration "
                    + "such as 5s, 500ms or 2min (a bare number is milliseconds).");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMillis(n);
        };
    }
}
