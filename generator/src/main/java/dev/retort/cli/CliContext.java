package dev.retort.cli;

import dev.retort.config.RetortConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the command line takes from the world, injected so tests control it: the environment variables, the
 * working directory, the clock and the source of new revision ids; and, for a build tool that runs it in-process,
 * {@code configure}: its own configuration laid over retort.yaml's (or over none when there is no file).
 */
public record CliContext(Map<String, String> env, Path workingDirectory, Clock clock, Supplier<String> revisionIds,
                         UnaryOperator<RetortConfig> configure) {

    public CliContext {
        env = Map.copyOf(env);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public CliContext(Map<String, String> env, Path workingDirectory, Clock clock, Supplier<String> revisionIds) {
        this(env, workingDirectory, clock, revisionIds, null);
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of(""), Clock.systemUTC(), CliContext::randomRevisionId);
    }

    /** Twelve random hex digits, like Alembic's revision ids. */
    public static String randomRevisionId() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
