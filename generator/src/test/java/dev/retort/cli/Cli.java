package dev.retort.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in this JVM with a controlled environment and captures what it prints. */
final class Cli {

    /** What one run returned and printed. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static final Instant FIXED_TIME = Instant.parse("2026-11-24T10:15:00Z");

    private final Path workingDirectory;
    private final Map<String, String> env = new HashMap<>();

    Cli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(env, workingDirectory, Clock.fixed(FIXED_TIME, ZoneOffset.UTC),
                () -> "0123456789ab");
        int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
