package dev.retort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process and measures it: wall time from start to exit (taken here, around the
 * whole process), and peak resident memory as GNU time's {@code %M} reports it. Output goes to files, not pipes,
 * so nothing the child writes can stall it.
 */
final class Processes {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** What a run gave. {@code peakRssKb} is -1 where GNU time is missing. */
    record Result(List<String> command, int exit, String out, String err, double seconds, long peakRssKb) {

        boolean ok() {
            return exit == 0;
        }

        String describe() {
            return "`" + String.join(" ", command) + "` exited " + exit + "\n--- stdout\n" + tail(out)
                    + "\n--- stderr\n" + tail(err);
        }

        private static String tail(String text) {
            List<String> lines = text.lines().toList();
            return String.join("\n", lines.size() <= 60 ? lines : lines.subList(lines.size() - 60, lines.size()));
        }
    }

    private final Path scratch;

    Processes(Path scratch) throws IOException {
        this.scratch = Files.createDirectories(scratch);
    }

    static boolean hasGnuTime() {
        return Files.isExecutable(GNU_TIME);
    }

    Result run(List<String> command, Path workingDirectory, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Path rss = Files.createTempFile(scratch, "rss", ".txt");
        List<String> full = new ArrayList<>();
        if (hasGnuTime()) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        // Never a developer's own database: every URL the benchmark means is on the command line.
        builder.environment().keySet().removeAll(List.of("RETORT_URL", "DATABASE_URL", "RETORT_ENV", "RETORT_JAVA_OPTS"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        long end = System.nanoTime();
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        try {
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (!finished) {
                stderr += "\n(killed after " + timeoutSeconds + " s)";
            }
            long peak = -1;
            String recorded = Files.readString(rss).strip();
            if (!recorded.isEmpty()) {
                String last = recorded.lines().reduce((a, b) -> b).orElse("").strip();
                if (last.matches("\\d+")) {
                    peak = Long.parseLong(last);
                }
            }
            return new Result(command, finished ? process.exitValue() : -1, stdout, stderr, (end - start) / 1e9, peak);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(rss);
        }
    }
}
