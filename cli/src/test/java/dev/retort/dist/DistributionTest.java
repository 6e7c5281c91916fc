package dev.retort.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line distribution as a user gets it: unpacked into an empty folder, started with nothing but a Java
 * runtime on PATH (no Maven, no JAVA_HOME, no Retort sources), run in a project folder that has a retort.yaml.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("The command-line distribution")
class DistributionTest {

    private static final String VERSION = System.getProperty("retort.version");
    private static final Path TAR = Path.of(System.getProperty("retort.distribution"));
    private static final Path ZIP = Path.of(System.getProperty("retort.distribution.zip"));
    /** The repository root: the journal example's project folder (retort.yaml, models/, migrations/). */
    private static final Path JOURNAL = Path.of(System.getProperty("retort.repository"));

    /** What one run printed. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    @DisplayName("holds bin/retort, bin/retort.cmd and lib/ in both archives, and starts with only a JDK on PATH")
    void unpacksAndStarts(@TempDir Path dir) throws Exception {
        Path fromZip = unpack(List.of("unzip", "-q", ZIP.toString(), "-d"), dir.resolve("z"));
        Path fromTar = unpack(List.of("tar", "xzf", TAR.toString(), "-C"), dir.resolve("t"));
        for (Path home : List.of(fromZip, fromTar)) {
            assertTrue(Files.isExecutable(home.resolve("bin/retort")), home + ": bin/retort is executable");
            assertTrue(Files.isRegularFile(home.resolve("bin/retort.cmd")), home + ": bin/retort.cmd");
            assertTrue(Files.isRegularFile(home.resolve("LICENSE")), home + ": LICENSE");
            List<String> jars = jars(home);
            assertTrue(jars.contains("retort-cli-" + VERSION + ".jar") && jars.contains("retort-core-" + VERSION + ".jar")
                    && jars.contains("retort-generator-" + VERSION + ".jar"), jars.toString());
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("hibernate-core-")), jars.toString());
            assertFalse(jars.stream().anyMatch(j -> j.contains("junit") || j.contains("testkit")), "no test jars: " + jars);
            assertTrue(Files.readString(home.resolve("bin/retort.cmd")).contains("\r\n"), "retort.cmd has DOS line ends");
        }
        Result help = run(fromTar, dir, Map.of(), "--help");
        assertEquals(0, help.exit(), help::toString);
        assertTrue(help.out().contains("Usage: retort") && help.out().contains("Exit codes:"), help::toString);
        Result version = run(fromZip, dir, Map.of(), "--version");
        assertEquals(0, version.exit(), version::toString);
        assertTrue(version.out().startsWith("retort " + VERSION + " (Hibernate ORM 7."), version::toString);
    }

    @Test
    @DisplayName("runs the README tour on the journal example, and writes its class-data archive on the first check")
    void runsTheTour(TestDatabase db, @TempDir Path dir) throws Exception {
        Path home = unpack(List.of("tar", "xzf", TAR.toString(), "-C"), dir.resolve("dist"));
        Map<String, String> env = Map.of("JOURNAL_DEV_URL", db.url());

        Result history = run(home, JOURNAL, env, "history");
        assertEquals(0, history.exit(), history::toString);
        String head = history.out().lines().findFirst().orElseThrow();
        assertTrue(head.contains("(head)"), history::toString);
        String headId = head.replaceAll("^.* -> ([0-9a-f]+) \\(head\\).*$", "$1");

        assertEquals(0, run(home, JOURNAL, env, "upgrade").exit());
        Result current = run(home, JOURNAL, env, "current");
        assertEquals(headId + " (head)\n", current.out(), current::toString);

        Path cds = dir.resolve("cache/cds");
        assertFalse(Files.exists(cds) && hasArchive(cds), "no archive before the first check");
        Result check = run(home, JOURNAL, env, "check");
        assertEquals(0, check.exit(), check::toString);
        assertTrue(check.out().contains("No changes detected."), check::toString);
        assertTrue(hasArchive(cds), "the first check wrote a class-data archive into RETORT_CACHE");
        Result again = run(home, JOURNAL, env, "check");
        assertEquals(0, again.exit(), "a check started from the archive: " + again);

        Result down = run(home, JOURNAL, env, "downgrade", "-1");
        assertEquals(0, down.exit(), down::toString);
        Result behind = run(home, JOURNAL, env, "check");
        assertEquals(2, behind.exit(), behind::toString);
        assertTrue(behind.err().contains("but the migrations' head is " + headId + ". Run 'retort upgrade' first"),
                behind::toString);
        assertEquals(0, run(home, JOURNAL, env, "upgrade").exit());
        assertEquals(0, run(home, JOURNAL, env, "check").exit());
    }

    private static boolean hasArchive(Path cds) throws IOException {
        if (!Files.isDirectory(cds)) {
            return false;
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jsa"));
        }
    }

    private static List<String> jars(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Unpacks an archive with the system's own tool (which keeps the executable bit) and returns retort-VERSION/. */
    private static Path unpack(List<String> command, Path into) throws Exception {
        Files.createDirectories(into);
        List<String> all = new ArrayList<>(command);
        all.add(into.toString());
        Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        Path home = into.resolve("retort-" + VERSION);
        assertTrue(Files.isDirectory(home), "the archive holds one folder, retort-" + VERSION);
        return home;
    }

    /**
     * {@code bin/retort ARGS} in {@code workdir}, with an environment holding only PATH (the JDK's bin and the
     * system's tools), HOME and RETORT_CACHE under the test's folder, and {@code extra}.
     */
    private static Result run(Path home, Path workdir, Map<String, String> extra, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/retort").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workdir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        env.put("PATH", javaBin + ":/usr/bin:/bin");
        Path scratch = home.getParent().getParent();
        env.put("HOME", scratch.toString());
        env.put("RETORT_CACHE", scratch.resolve("cache").toString());
        env.putAll(extra);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/retort " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
