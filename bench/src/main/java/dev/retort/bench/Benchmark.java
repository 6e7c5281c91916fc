package dev.retort.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark behind {@code docs/performance.md}: for each size, a synthetic model whose schema Hibernate
 * creates, then {@code retort check} end to end and phase by phase, {@code generate} and {@code upgrade} against
 * an empty database, the floors (JVM start, {@code pg_dump -s}) and Alembic's {@code compare_metadata}, all in one
 * run on one server. Run it with {@code scripts/bench}; progress goes to stderr.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Path report = run(options);
            System.err.println("bench: wrote " + report);
        } catch (BenchmarkFailure e) {
            System.err.println("\nbench: FAILED\n" + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("\nbench: FAILED");
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs every size and writes the report; returns its path. */
    public static Path run(Options options) throws Exception {
        Progress progress = new Progress(System.err);
        Path jar = options.root().resolve("generator/target/retort.jar");
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkFailure(jar + " is missing: build it first (scripts/bench does: mvn -pl bench -am "
                    + "package).");
        }
        Files.createDirectories(options.work());
        Processes processes = new Processes(options.work().resolve("scratch"));
        Path alembicScript = options.alembic() ? alembicScript(options.work()) : null;
        progress.say("sizes %s, %d timed runs each, Alembic %s; server %s:%d", options.sizes(), options.runs(),
                alembicScript != null ? "yes" : "no (" + (options.alembic() ? "python3-alembic not installed"
                        : "--no-alembic") + ")", options.server().host(), options.server().port());
        Map<String, String> machine = MachineFacts.collect(options.server(), pgDumpVersion());
        String loadAtStart = MachineFacts.loadAverage();
        List<SizeResult> results = new ArrayList<>();
        for (int n : options.sizes()) {
            results.add(new SizeRun(options, progress, processes, jar, alembicScript, n).run());
        }
        MavenPluginRun.Result maven = options.maven() ? new MavenPluginRun(options, progress, processes).run()
                : MavenPluginRun.Result.skipped("--no-maven");
        if (maven.maven() != null) {
            machine.put("Maven", maven.maven());
        }
        machine.put("Load average (1, 5, 15 min) at start / end", loadAtStart + " / " + MachineFacts.loadAverage());
        String markdown = new Report(options, machine, results, progress.elapsed(), maven).render();
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), markdown);
        progress.say("done");
        return options.out();
    }

    /** Writes the Alembic driver next to the models, or returns null when /usr/bin/python3 lacks Alembic. */
    private static Path alembicScript(Path work) throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            return null;
        }
        Process check = new ProcessBuilder(python.toString(), "-c", "import alembic, sqlalchemy, psycopg2")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
            return null;
        }
        Path script = work.resolve("alembic_compare.py");
        try (InputStream in = Benchmark.class.getResourceAsStream("alembic_compare.py")) {
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private static String pgDumpVersion() {
        try {
            Process p = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
