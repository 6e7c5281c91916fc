package dev.retort.bench;

import java.io.PrintStream;

/** Progress lines on stderr, each with the seconds since the benchmark started. */
final class Progress {

    private final long start = System.nanoTime();
    private final PrintStream err;

    Progress(PrintStream err) {
        this.err = err;
    }

    void say(String format, Object... args) {
        err.printf("[bench %6.1f s] %s%n", elapsed(), String.format(format, args));
        err.flush();
    }

    double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
