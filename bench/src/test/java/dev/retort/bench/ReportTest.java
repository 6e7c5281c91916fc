package dev.retort.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The report's rule: every figure in it is measured by the run that writes it, or says when and with which
 * command it was measured. Two reports are rendered from two runs whose every measurement differs; a sentence
 * with a figure that comes out word for word the same in both did not get that figure from the run, so its
 * paragraph must quote it as measured by hand, with a date.
 */
@DisplayName("The benchmark report")
class ReportTest {

    private static final List<Integer> SIZES = List.of(100, 1000, 2000, 5000);
    /** A number with a unit of time, share or size: what a measurement looks like in prose. */
    private static final Pattern FIGURE = Pattern.compile(
            "\\d[\\d,.]*\\s?(%|ms\\b|s\\b|seconds?\\b|minutes?\\b|MiB\\b|GiB\\b)");
    /** How a paragraph quotes what it did not measure: "measured by hand on 2026-11-25 with ..., not by this run". */
    private static final Pattern DATED = Pattern.compile("(?i)measured by hand on \\d{4}-\\d{2}-\\d{2} (with|in) ");
    private static final Pattern NOT_THIS_RUN = Pattern.compile("(?i)not (measured )?by this run");
    /** Figures that are arithmetic or a bound, not something measured. */
    private static final Set<String> NOT_MEASUREMENTS = Set.of(
            "`check` reads the entities on a second thread while it reads the catalog, so on two cores its phases "
                    + "can overlap, and the shares can add up to more than 100 %.");

    @Test
    @DisplayName("quotes every figure its run did not measure with the date it was measured by hand")
    void everyFigureIsThisRunsOrDated() {
        String first = render(new Random(1), 5, 40);
        String second = render(new Random(2), 3, 55);
        List<String> secondSentences = sentences(prose(second));
        List<String> undated = new ArrayList<>();
        int quoted = 0;
        for (String paragraph : prose(first)) {
            for (String sentence : sentences(List.of(paragraph))) {
                if (!FIGURE.matcher(sentence).find() || !secondSentences.contains(sentence)
                        || NOT_MEASUREMENTS.contains(sentence)) {
                    continue;
                }
                if (DATED.matcher(paragraph).find() && NOT_THIS_RUN.matcher(paragraph).find()) {
                    quoted++;
                } else {
                    undated.add(sentence);
                }
            }
        }
        assertEquals(List.of(), undated, "figures the run did not measure, and that do not say when they were");
        assertTrue(quoted > 0, "the report quotes hand measurements (the profile among them): the check looked");
        assertTrue(first.contains("## `mvn retort:check` on the journal") && first.contains("| `mvn retort:check` | "),
                "the Maven plugin's timing is reported");
    }

    @Test
    @DisplayName("names the sizes of its run where the cold Hibernate read beat the floor and the rest went negative")
    void claimsAboutSizesComeFromTheRun() {
        List<SizeResult> results = run(new Random(3), 5);
        for (SizeResult r : results) {
            r.cold.put("hibernate", r.n <= 1000 ? 100.0 : 0.01); // past the floor and the whole check, or neither
        }
        String report = render(results, 5, 40);
        assertTrue(report.contains("can exceed the Hibernate floor; in this run it did at N = 100 and 1,000."), report);
        assertTrue(report.contains("can make the rest negative; in this run it was at N = 100 and 1,000."), report);

        results.forEach(r -> r.cold.put("hibernate", 0.01));
        String none = render(results, 5, 40);
        assertTrue(none.contains("can exceed the Hibernate floor; in this run it did at no size."), none);
        assertTrue(none.contains("can make the rest negative; in this run it was not at any size."), none);
    }

    /** Paragraphs of prose: no tables, no code blocks, no headings. */
    private static List<String> prose(String markdown) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : markdown.replaceAll("(?s)```.*?```", "").split("\n\n")) {
            String text = block.strip();
            if (!text.isEmpty() && !text.startsWith("|") && !text.startsWith("#")) {
                paragraphs.add(text.replace('\n', ' '));
            }
        }
        return paragraphs;
    }

    private static List<String> sentences(List<String> paragraphs) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : paragraphs) {
            sentences.addAll(List.of(paragraph.split("(?<=\\.)\\s+")));
        }
        return sentences;
    }

    /** A report of a made-up run: every timing, count and size drawn from {@code random}. */
    private static String render(Random random, int runs, double alembicBudget) {
        return render(run(random, runs), runs, alembicBudget);
    }

    private static String render(List<SizeResult> results, int runs, double alembicBudget) {
        Options options = new Options(SIZES, runs, Path.of("performance.md"), false, Path.of("."), Path.of("target"),
                new Server("127.0.0.1", 5432, "postgres"), "bench", alembicBudget, true, "scripts/bench");
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPU", "a test's");
        double wall = results.stream().mapToDouble(r -> r.ddlSeconds).sum() * 20;
        Random random = new Random(results.size() + runs);
        MavenPluginRun.Result maven = new MavenPluginRun.Result(samples(random, runs, 0.7),
                samples(random, runs, 0.5), samples(random, runs, 1.6), "Apache Maven (a test's)", null);
        return new Report(options, machine, results, wall, maven).render();
    }

    private static Stats samples(Random random, int runs, double around) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(around * (0.8 + 0.4 * random.nextDouble()));
        }
        return Stats.of(samples);
    }

    private static List<SizeResult> run(Random random, int runs) {
        List<SizeResult> results = new ArrayList<>();
        for (int n : SIZES) {
            results.add(size(n, runs, random));
        }
        return results;
    }

    private static SizeResult size(int n, int runs, Random random) {
        double k = n / 1000.0;
        SizeResult r = new SizeResult(n);
        r.schema = new SchemaFacts(n, 8 * n + random.nextInt(n), n + random.nextInt(n), n / 2, n, n, n / 2, 1);
        r.modelSeconds = seconds(random, 3 * k);
        r.ddlSeconds = seconds(random, 9 * k);
        r.firstCheck = seconds(random, 4 * k);
        r.appCds = true;
        r.probeAppCds = true;
        for (int i = 0; i < runs; i++) {
            r.check.add(seconds(random, 0.5 + 1.8 * k));
            r.checkCached.add(seconds(random, 0.5 + 0.4 * k));
            r.checkRssKb.add(200_000L + random.nextInt(100_000));
            r.javaVersion.add(seconds(random, 0.05));
            r.emptyMain.add(seconds(random, 0.05));
            r.pgDump.add(seconds(random, 0.1 + 0.6 * k));
            r.hibernateFloor.add(seconds(random, 0.4 + 1.2 * k));
        }
        Map<String, Double> cold = new LinkedHashMap<>(); // typical seconds per phase, in a fixed order
        cold.put("hibernate", 0.5 + 1.2 * k);
        cold.put("connect", 0.05);
        cold.put("catalog", 0.1 + 0.2 * k);
        cold.put("canonicalize", 0.05);
        cold.put("compare", 0.05 + 0.05 * k);
        cold.put("gen.catalog", 0.015);
        cold.put("gen.canonicalize", 0.05);
        cold.put("gen.compare", 0.01 * k);
        cold.put("gen.split", 0.005 * k);
        cold.put("gen.render", 0.09 * k);
        cold.put("gen.write", 0.005 * k);
        cold.forEach((phase, typical) -> {
            r.cold.put(phase, seconds(random, typical));
            for (int i = 0; i < runs; i++) {
                r.warm.computeIfAbsent(phase, p -> new ArrayList<>()).add(seconds(random, typical / 2));
            }
        });
        r.catalogQueries = 7;
        r.canonicalizeStatements = 5;
        r.emptyCatalogQueries = 7;
        r.emptyCanonicalizeStatements = 58;
        r.baselineOperations = n + random.nextInt(n);
        r.baselineRevisions = 1 + n / 300;
        r.baselineBytes = 2_000L * n + random.nextInt(1000);
        r.baselineLines = 30L * n + random.nextInt(1000);
        r.generate = new SizeResult.Step(true, seconds(random, 2 * k), 200_000, "");
        r.upgrade = new SizeResult.Step(true, seconds(random, 6 * k), 200_000, "");
        r.catalogsEqual = true;
        r.roundTripCheck = new SizeResult.Step(true, seconds(random, 3 * k), 200_000, "No changes detected.");
        r.alembic.runs = runs;
        for (int i = 0; i < runs; i++) {
            r.alembic.compare.add(seconds(random, 12 * k));
            r.alembic.process.add(seconds(random, 13 * k));
            r.alembic.imports.add(seconds(random, 0.8 * k));
        }
        r.alembic.queries = 13 * n + random.nextInt(n);
        r.alembic.versions = "Alembic 1.8.1, SQLAlchemy 1.4.46, Python 3.11.2";
        return r;
    }

    /** Around {@code typical}, so no two made-up runs print the same figure by chance. */
    private static double seconds(Random random, double typical) {
        return typical * (0.6 + 0.8 * random.nextDouble());
    }
}
