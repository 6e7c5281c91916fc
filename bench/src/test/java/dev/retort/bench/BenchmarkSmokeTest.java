package dev.retort.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The benchmark")
class BenchmarkSmokeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("runs the whole pipeline at N = 50 and writes a report in which check, generate and upgrade agree")
    void runsTheWholePipelineOnASmallModel(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("generator/target/retort.jar")),
                "generator/target/retort.jar is built by the generator module's package phase");
        assumeTrue(serverAnswers(), "PostgreSQL on 127.0.0.1:5432 (scripts/ensure-postgres)");
        Path out = dir.resolve("performance.md");

        // Databases and files of its own, so two builds on one machine do not meet; dropped even when it fails.
        String prefix = "bench_smoke_" + ProcessHandle.current().pid();
        Options options = Options.parse(new String[] {"--sizes", "50", "--runs", "1", "--out", out.toString(),
            "--root", ROOT.toString(), "--work", dir.resolve("work").toString(), "--prefix", prefix, "--no-maven"});
        try {
            Benchmark.run(options);
        } finally {
            options.server().drop(prefix + "_50");
            options.server().drop(prefix + "_50_empty");
        }

        String report = Files.readString(out);
        assertTrue(report.contains("| 50 | 50 / "), report);
        assertTrue(report.contains("| The catalog read issues the same number of queries at every N | 50: 9 | **PASS** |"),
                report);
        assertTrue(report.contains("| yes | No changes detected. ("), "generate, upgrade and check agree:\n" + report);
        String minMedian = "[0-9.]+ / [0-9.]+";
        assertTrue(Pattern.compile("(?m)^\\| 50 \\| " + minMedian + " \\| " + minMedian + " \\| " + minMedian + " \\| "
                + minMedian + " \\|$").matcher(report).find(), "the floors, the Hibernate floor among them:\n" + report);
    }

    private static boolean serverAnswers() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }
}
