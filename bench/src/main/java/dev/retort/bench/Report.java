package dev.retort.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Writes the Markdown report: machine facts, one table per group of figures, the targets, the phase shares. */
final class Report {

    private static final double GIB = 1024.0 * 1024.0; // in KiB

    // Measured by hand, not by the run that writes the report: each is printed with its date and command.
    /** When the JFR profile in "Why" was taken and the JVM flags were tried (published with commit bbc51dc). */
    private static final String PROFILED = "2026-11-25";
    /** When the figures below were measured, at N = 1,000, with the `check` command the report prints. */
    private static final String REMEASURED = "2026-12-01";
    private static final String REMEASURED_SETUP = "a bench-1000 made by `scripts/bench --sizes 1000 --runs 1 "
            + "--no-alembic --keep --prefix honesty` (its database: honesty_1000), two runs, while other builds "
            + "loaded the machine (load average 5 to 6 on its 2 cores)";
    private static final String HAND_LOGS = "-Xlog:class+load:file=classes.log -Xlog:gc:file=gc.log";
    private static final String YOUNG_COLLECTIONS = "two young collections, 238 and 232 ms together";
    private static final String SHARED_CLASSES = "5,939 of the 6,372 classes loaded (93 %) came from shared "
            + "archives, 4,727 from the one the warm-up wrote and 1,212 from the JDK's own";
    private static final String[] CHECK_PHASES = {"hibernate", "connect", "catalog", "canonicalize", "compare"};

    private final Options options;
    private final Map<String, String> machine;
    private final List<SizeResult> results;
    private final double wallSeconds;
    private final MavenPluginRun.Result maven;
    private final StringBuilder out = new StringBuilder(1 << 14);

    Report(Options options, Map<String, String> machine, List<SizeResult> results, double wallSeconds) {
        this(options, machine, results, wallSeconds, MavenPluginRun.Result.skipped("not run"));
    }

    Report(Options options, Map<String, String> machine, List<SizeResult> results, double wallSeconds,
           MavenPluginRun.Result maven) {
        this.options = options;
        this.machine = machine;
        this.results = results;
        this.wallSeconds = wallSeconds;
        this.maven = maven;
    }

    String render() {
        out.append(String.format(Locale.ROOT, "# Performance: `retort check` and `generate` from %,d to %,d entities%n%n",
                results.get(0).n, results.get(results.size() - 1).n));
        out.append("Written by the benchmark in `bench/` (`dev.retort.bench.Benchmark`); do not edit by hand, run it "
                + "again. To reproduce on this machine:\n\n```sh\n").append(options.command()).append("\n```\n\n");
        out.append("Run on ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(String.format(Locale.ROOT, "; the whole run took %.1f minutes", wallSeconds / 60))
                .append(String.format(Locale.ROOT, " (%d timed runs per figure, sizes %s).%n%n", options.runs(),
                        String.join(", ", results.stream().map(r -> String.valueOf(r.n)).toList())));
        machine();
        summary();
        targets();
        phases();
        dominates();
        generate();
        maven();
        floors();
        alembic();
        setup();
        method();
        return out.toString();
    }

    private void machine() {
        out.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        out.append('\n');
    }

    private void summary() {
        out.append("## `retort check` against the floors and Alembic\n\n");
        out.append("Wall times in seconds, min / median of the timed runs. `check` runs end to end as a process, "
                + "as `./retort` starts it once its AppCDS archive exists (written by the first `check` after a "
                + "build: the untimed warm-up here, shown apart), and must print `No changes detected.` (the "
                + "zero-diff property at scale); it did at every size, or there would be no report. `check` has "
                + "an empty cache folder (`RETORT_CACHE_DIR`) each run, so it reads the entities as it must after "
                + "any change to them; \"cached\" runs with the folder the warm-up filled, the case of entities "
                + "unchanged since the last `check`. The targets use `check`. Floors: the JVM starting an empty "
                + "main with the command line's flags, and `pg_dump -s` of the same database; the Hibernate floor is "
                + "a fresh JVM that only has Hibernate build its mapping metadata for the same entities "
                + "(`HibernateFloor`), what any tool taking the schema from Hibernate pays first. Alembic: "
                + "`compare_metadata` on the same schema (in-process time, and its whole Python process).\n\n");
        out.append("| N | tables / columns | `check` | `check`, cached | first `check` after a build | JVM floor "
                + "| `pg_dump -s` | check ÷ (JVM + pg_dump) | Hibernate floor | check ÷ Hibernate floor "
                + "| Alembic compare | Alembic process | check ÷ Alembic compare | peak RSS of `check` |\n");
        out.append("|---:|---|---|---|---:|---|---|---:|---|---:|---|---|---:|---:|\n");
        for (SizeResult r : results) {
            Stats check = r.checkStats();
            double floor = Stats.of(r.emptyMain).median() + Stats.of(r.pgDump).median();
            Stats compare = Stats.of(r.alembic.compare);
            out.append("| ").append(r.n).append(" | ").append(r.schema.tables()).append(" / ")
                    .append(r.schema.columns()).append(" | ").append(minMedian(check)).append(" | ")
                    .append(minMedian(Stats.of(r.checkCached))).append(" | ").append(sec(r.firstCheck)).append(r.appCds ? "" : " (no archive written)").append(" | ")
                    .append(minMedian(Stats.of(r.emptyMain))).append(" | ").append(minMedian(Stats.of(r.pgDump)))
                    .append(" | ").append(ratio(check.median() / floor)).append(" | ")
                    .append(minMedian(Stats.of(r.hibernateFloor))).append(" | ")
                    .append(ratio(check.median() / Stats.of(r.hibernateFloor).median())).append(" | ")
                    .append(alembicCell(compare)).append(" | ")
                    .append(alembicCell(Stats.of(r.alembic.process))).append(" | ")
                    .append(compare.isEmpty() ? "–" : ratio(check.median() / compare.median())).append(" | ")
                    .append(mib(r.peakRssKb())).append(" |\n");
        }
        out.append('\n');
    }

    private void targets() {
        out.append("## Targets\n\nEvaluated on the figures of this run only (medians unless said otherwise).\n\n");
        out.append("| Target | Figures | Result |\n|---|---|---|\n");
        Optional<SizeResult> at1000 = size(1000);
        if (at1000.isPresent()) {
            SizeResult r = at1000.get();
            double check = r.checkStats().median();
            double jvm = Stats.of(r.emptyMain).median();
            double dump = Stats.of(r.pgDump).median();
            double cached = Stats.of(r.checkCached).median();
            double hibernate = Stats.of(r.hibernateFloor).median();
            target("N = 1,000: `check` ≤ 2 × (JVM start + `pg_dump -s`)",
                    String.format(Locale.ROOT, "%.2f s vs 2 × (%.3f + %.3f) = %.2f s (ratio %.2f). Cached: %.2f s "
                            + "(ratio %.2f, %s). Hibernate alone, building its metadata in a fresh JVM, takes %.2f s "
                            + "(%.2f × the budget): see \"Which phase dominates\"",
                            check, jvm, dump, 2 * (jvm + dump), check / (jvm + dump), cached, cached / (jvm + dump),
                            cached <= 2 * (jvm + dump) ? "within" : "over", hibernate, hibernate / (2 * (jvm + dump))),
                    check <= 2 * (jvm + dump));
            Stats compare = Stats.of(r.alembic.compare);
            if (compare.isEmpty()) {
                out.append("| N = 1,000: `check` faster than Alembic's compare | ").append(r.alembic.skipped)
                        .append(" | not measured |\n");
            } else {
                target("N = 1,000: `check` faster than Alembic's compare",
                        String.format(Locale.ROOT, "check %.2f s (whole process) vs compare_metadata %.2f s "
                                + "(in-process; its process %.2f s)", check, compare.median(),
                                Stats.of(r.alembic.process).median()), check < compare.median());
            }
        } else {
            out.append("| N = 1,000 targets | N = 1,000 not in this run | not measured |\n");
        }
        Optional<SizeResult> at100 = size(100);
        Optional<SizeResult> at2000 = size(2000);
        if (at100.isPresent() && at2000.isPresent()) {
            double small = at100.get().checkStats().median();
            double large = at2000.get().checkStats().median();
            target("N = 100 → 2,000: `check` grows at most 25×", String.format(Locale.ROOT,
                    "%.2f s → %.2f s: %.1f× (phases in-process, warm: %.1f×)", small, large, large / small,
                    warmTotal(at2000.get()) / warmTotal(at100.get())), large / small <= 25);
        } else {
            out.append("| N = 100 → 2,000: `check` grows at most 25× | needs N = 100 and 2,000 | not measured |\n");
        }
        List<String> counts = results.stream().map(r -> r.n + ": " + queries(r.catalogQueries)).toList();
        boolean same = results.stream().map(r -> r.catalogQueries).distinct().count() == 1
                && results.get(0).catalogQueries > 0;
        target("The catalog read issues the same number of queries at every N", String.join(", ", counts), same);
        Optional<SizeResult> at5000 = size(5000);
        if (at5000.isPresent()) {
            SizeResult r = at5000.get();
            target("N = 5,000: peak RSS of `check` under 1 GiB", "max over the timed runs: " + mib(r.peakRssKb()),
                    r.peakRssKb() > 0 && r.peakRssKb() < GIB);
            boolean ok = r.generate.ok() && r.upgrade.ok() && Boolean.TRUE.equals(r.catalogsEqual);
            String figures = "generate " + (r.generate.ok() ? "wrote " + r.baselineOperations + " operations"
                    + revisions(r) : "failed") + "; upgrade " + (r.upgrade.ok() ? String.format(Locale.ROOT, "applied them in %.1f s",
                    r.upgrade.seconds()) : "failed: " + oneLine(r.upgrade.detail().replaceFirst(" in \\S+\\.java", "")))
                    + (r.catalogsEqual == null ? "" : r.catalogsEqual ? "; catalog equals Hibernate's"
                    : "; catalog differs from Hibernate's");
            target("N = 5,000: the `generate` baseline `upgrade`s on stock PostgreSQL", figures, ok);
        } else {
            out.append("| N = 5,000 targets | N = 5,000 not in this run | not measured |\n");
        }
        out.append('\n');
    }

    private void target(String what, String figures, boolean pass) {
        out.append("| ").append(what).append(" | ").append(figures).append(" | **").append(pass ? "PASS" : "FAIL")
                .append("** |\n");
    }

    private void phases() {
        out.append("## Phases of `check`, inside one process\n\n");
        out.append("One JVM per size, started with the command line's flags (`").append(String.join(" ",
                SizeRun.CLI_FLAGS)).append("` and an AppCDS archive of its classes written by an untimed run "
                + "before, as `./retort` has), runs the comparison through the same public APIs as `check` "
                + "(`dev.retort.bench.PhaseProbe`): its first iteration is cold, as every `retort` process is; "
                + "the warm figures are min / median of the ").append(options.runs()).append(" iterations after it "
                + "(a fresh entity class loader each time). Hibernate read = class scan + Hibernate metadata + "
                + "mapping to the schema model. Statements are counted through a proxy around the connection. "
                + "The probe's archive cannot hold the entity classes (each iteration's class loader is gone "
                + "before the archive is written), so its cold Hibernate read includes loading and verifying "
                + "every entity class, which `check` takes from its archive for every class unchanged since the "
                + "archive was written. So the cold probe figure can exceed the Hibernate floor");
        out.append(sizesWhere(r -> r.cold("hibernate") > Stats.of(r.hibernateFloor).median())
                .map(sizes -> "; in this run it did at " + sizes + ".").orElse("; in this run it did at no size."));
        if (results.stream().anyMatch(r -> !r.probeAppCds)) {
            out.append(" (This run's class path had class directories, so the probe ran without an AppCDS archive "
                    + "and its cold figures include class loading that `check` is spared.)");
        }
        out.append("\n\n");
        out.append("| N | Hibernate read cold | warm | connect cold | warm | catalog read cold | warm "
                + "| canonicalize cold | warm | compare cold | warm | phases cold | warm (median) | catalog queries "
                + "| canonicalize statements |\n");
        out.append("|---:|---:|---|---:|---|---:|---|---:|---|---:|---|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            out.append("| ").append(r.n);
            for (String phase : CHECK_PHASES) {
                out.append(" | ").append(sec(r.cold(phase))).append(" | ").append(minMedian(r.warm(phase)));
            }
            out.append(" | ").append(sec(coldTotal(r))).append(" | ").append(sec(warmTotal(r))).append(" | ")
                    .append(queries(r.catalogQueries)).append(" | ").append(r.canonicalizeStatements).append(" |\n");
        }
        out.append('\n');
    }

    private void dominates() {
        out.append("## Which phase dominates\n\n");
        out.append("Share of the median `check` wall time: the JVM floor, each phase as the cold probe iteration "
                + "measured it, and the rest (picocli, configuration, the version-table query, "
                + "reporting, and the cold-start cost the probe does not see because its JVM was already "
                + "started). The probe and `check` are separate processes, so run-to-run noise, and the probe's "
                + "cold Hibernate read (see above), can make the rest negative");
        out.append(sizesWhere(r -> rest(r) < 0).map(sizes -> "; in this run it was at " + sizes + ".\n\n")
                .orElse("; in this run it was not at any size.\n\n"));
        out.append("| N | `check` | JVM floor | Hibernate read | connect | catalog read | canonicalize | compare "
                + "| rest |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            double check = r.checkStats().median();
            double jvm = Stats.of(r.emptyMain).median();
            out.append("| ").append(r.n).append(" | ").append(sec(check)).append(" | ").append(share(jvm, check));
            for (String phase : CHECK_PHASES) {
                out.append(" | ").append(share(r.cold(phase), check));
            }
            out.append(" | ").append(share(rest(r), check)).append(" |\n");
        }
        out.append("\n`check` reads the entities on a second thread while it reads the catalog, so on two cores "
                + "its phases can overlap, and the shares can add up to more than 100 %.\n");
        why();
    }

    /**
     * Why the Hibernate read dominates: the figures of this run, around what a profile and trials by hand showed.
     * A figure this run did not measure (the constants above) says when and with which command it was measured.
     */
    private void why() {
        out.append("\n### Why\n\n");
        Optional<SizeResult> at = size(1000).or(() -> Optional.of(results.get(results.size() - 1)));
        SizeResult r = at.get();
        double check = r.checkStats().median();
        double hibernate = Stats.of(r.hibernateFloor).median();
        double budget = 2 * (Stats.of(r.emptyMain).median() + Stats.of(r.pgDump).median());
        out.append(String.format(Locale.ROOT, "At N = %,d the Hibernate read is %s of `check`, and it is Hibernate's "
                + "own work, not Retort's: the Hibernate floor, a JVM that does nothing but let Hibernate build its "
                + "metadata for the same entities, takes %.2f s; the whole `check`, which also connects, reads the "
                + "catalog, canonicalizes, compares and reports, takes %.2f s (%.2f × the floor).%n%n", r.n,
                share(r.cold("hibernate"), check).replace(" ", ""), hibernate, check, check / hibernate));
        out.append("Not measured by this run: a JFR profile of a cold `check` at N = 1,000, measured by hand on "
                + PROFILED + " with the JFR command at the end of this section (execution samples of the thread "
                + "that reads the entities, three runs; published with commit bbc51dc and not taken again since), "
                + "put 68 % of that thread's samples in Hibernate's `MetadataBuilder.build()` (annotation binding: "
                + "`AnnotationBinder`, `EntityBinder`, `PropertyBinder`, `ColumnsBuilder`), 13 % in loading the "
                + "entity classes and reading their annotations, 11 % in the schema-cache key (reading every class "
                + "file to learn whether the entities changed) and the rest in mapping Hibernate's tables to "
                + "Retort's schema model and storing the cache entry. One method stood out: Hibernate's "
                + "`InFlightMetadataCollectorImpl.addEntityBinding` (5 to 10 % of those samples) compares each new "
                + "entity's JPA name with every entity bound before it, N²/2 string comparisons (half a million at "
                + "1,000 entities, 12.5 million at 5,000), which makes the Hibernate read grow faster than N. The "
                + "rest was spread thinly over thousands of methods running for the first time, interpreted and "
                + "then compiled by C1.\n\n");
        double warm = r.warm("hibernate").median();
        out.append(String.format(Locale.ROOT, "In this run the warm Hibernate read at N = %,d, the same work once "
                + "compiled, took %s of the cold one", r.n, share(warm, r.cold("hibernate")).replace(" ", "")));
        SizeResult largest = results.get(results.size() - 1);
        if (largest.n > r.n) {
            out.append(String.format(Locale.ROOT, ", and from N = %,d to %,d it grew %.1f× for %.0f× the entities",
                    r.n, largest.n, largest.warm("hibernate").median() / warm, (double) largest.n / r.n));
        }
        out.append(". That gap between cold and warm is what a process that runs once pays. Tried by hand on "
                + PROFILED + " and dropped, not by this run (published with commit bbc51dc; how exactly, and the "
                + "timings, were not recorded): C2 (`-XX:TieredStopAtLevel` unset: slower to start), the parallel "
                + "collector, a larger young generation (`-Xmn300m`, `-Xms600m -Xmn400m`: within noise). "
                + "Measured by hand on " + REMEASURED + " with the `check` command at the end of this section and `"
                + HAND_LOGS + "`, on " + REMEASURED_SETUP + ", not by this run: the GC log showed "
                + YOUNG_COLLECTIONS + ".\n\n");
        out.append("What Retort does about it: it reads the entities on a second thread while the main thread "
                + "connects and reads the catalog, so `pg_dump`'s share of the work hides behind Hibernate's; "
                + "`./retort` starts the JVM with an AppCDS archive written by the first `check` after a build "
                + "(measured by hand on " + REMEASURED + " in the same runs, not by this run: " + SHARED_CLASSES
                + "); and the entity schema cache skips Hibernate entirely when the entity classes are byte for "
                + "byte those of an earlier run (a content key, so a rebuild, a fresh clone or a CI runner that "
                + "restores `~/.cache/retort` still hits): the \"cached\" column.\n\n");
        double cached = Stats.of(r.checkCached).median();
        String n = String.format(Locale.ROOT, "%,d", r.n);
        out.append(String.format(Locale.ROOT, "In this run, at N = %s: `check` %.2f s, cached %.2f s, Hibernate floor "
                + "%.2f s, against a budget of 2 × (JVM + `pg_dump -s`) = %.2f s. ", n, check, cached, hibernate, budget));
        if (check <= budget) {
            out.append("`check` is within the budget even when it reads the entities.\n\n");
        } else if (hibernate > budget) {
            out.append(cached <= budget ? "A `check` whose entities are unchanged since an earlier run is within it; "
                    : "Even a `check` whose entities are unchanged since an earlier run is over it here; ");
            out.append("the first `check` after a change cannot be while the desired schema comes from Hibernate, "
                    + "because Hibernate alone takes longer than the whole budget. Going under it would mean not "
                    + "asking Hibernate, and giving up the exactness the oracle tests rest on.\n\n");
        } else {
            out.append("Hibernate alone fits the budget, so what `check` adds on top of it is the part to win back.\n\n");
        }
        out.append("To profile it yourself (after a `scripts/bench --keep` run), the JFR command:\n\n```sh\n"
                + "cd bench/target/bench-1000 && RETORT_CACHE_DIR=$(mktemp -d) java -XX:TieredStopAtLevel=1 "
                + "-XX:+UseSerialGC \\\n  -XX:StartFlightRecording=filename=check.jfr,settings=profile "
                + "-jar ../../../generator/target/retort.jar \\\n  --url 'jdbc:postgresql://127.0.0.1:5432/bench_1000"
                + "?user=postgres' --migrations no-migrations \\\n  --classpath classes --package bench.model check\n"
                + "jfr print --events jdk.ExecutionSample check.jfr | less\n```\n\n");
        out.append("The `check` command of the figures measured by hand on " + REMEASURED + ", with the flags "
                + "`./retort` starts it with and the archive the benchmark's warm-up wrote:\n\n```sh\n"
                + "cd bench/target/bench-1000 && RETORT_CACHE_DIR=$(mktemp -d) java "
                + String.join(" ", SizeRun.CLI_FLAGS) + " \\\n  -XX:SharedArchiveFile=retort.jsa " + HAND_LOGS + " \\\n"
                + "  -jar ../../../generator/target/retort.jar \\\n"
                + "  --url 'jdbc:postgresql://127.0.0.1:5432/bench_1000?user=postgres' --migrations no-migrations \\\n"
                + "  --classpath classes --package bench.model check\n"
                + "grep -c . classes.log; grep -c 'source: shared objects file' classes.log\n"
                + "grep -c 'source: shared objects file (top)' classes.log; grep Pause gc.log\n```\n\n");
    }

    private void generate() {
        out.append("## `generate` against an empty database, and `upgrade`\n\n");
        out.append("In the probe JVM (cold / warm median): the comparison with an empty database (statements: "
                + "catalog read + canonicalize), then splitting the diff into revisions one transaction's locks "
                + "can hold, rendering the migration classes and writing them. Then the real command line: `retort generate \"baseline\"` "
                + "into an empty migrations folder, `retort upgrade` of that baseline into the empty database "
                + "(each run once, as a process), the catalog compared with the database Hibernate created "
                + "(`CatalogSnapshot`), and `retort check` on the upgraded database.\n\n");
        out.append("| N | operations | source | statements | catalog read | canonicalize | compare | split | render "
                + "| write | compare + split + render + write | `retort generate` | `retort upgrade` "
                + "| catalog equals Hibernate's | `check` after upgrade |\n");
        out.append("|---:|---:|---:|---:|---|---|---|---|---|---|---|---:|---|---|---|\n");
        for (SizeResult r : results) {
            out.append("| ").append(r.n).append(" | ").append(r.baselineOperations).append(revisions(r)).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d lines, %.0f KiB", r.baselineLines, r.baselineBytes / 1024.0))
                    .append(" | ").append(r.emptyCatalogQueries).append(" + ").append(r.emptyCanonicalizeStatements);
            double cold = 0;
            double warm = 0;
            for (String phase : List.of("gen.catalog", "gen.canonicalize", "gen.compare", "gen.split", "gen.render",
                    "gen.write")) {
                out.append(" | ").append(coldWarm(r, phase));
                if (!phase.equals("gen.catalog") && !phase.equals("gen.canonicalize")) {
                    cold += r.cold(phase);
                    warm += r.warm(phase).median();
                }
            }
            out.append(" | ").append(sec(cold)).append(" / ").append(sec(warm));
            out.append(" | ").append(step(r.generate)).append(" | ").append(step(r.upgrade)).append(" | ")
                    .append(r.catalogsEqual == null ? "–" : r.catalogsEqual ? "yes" : "**no**").append(" | ")
                    .append(r.roundTripCheck.ok() ? "No changes detected. (" + sec(r.roundTripCheck.seconds()) + ")"
                            : "**" + oneLine(r.roundTripCheck.detail()) + "**").append(" |\n");
        }
        out.append('\n');
        for (SizeResult r : results) {
            if (!r.generate.ok() || !r.upgrade.ok() || Boolean.FALSE.equals(r.catalogsEqual)
                    || !r.roundTripCheck.ok()) {
                out.append("**N = ").append(r.n).append("**:\n\n```text\n");
                if (!r.generate.ok()) {
                    out.append("generate: ").append(r.generate.detail()).append('\n');
                } else if (!r.upgrade.ok()) {
                    out.append(String.format(Locale.ROOT, "upgrade failed after %.1f s:%n", r.upgrade.seconds()))
                            .append(r.upgrade.detail()).append('\n');
                } else {
                    if (Boolean.FALSE.equals(r.catalogsEqual)) {
                        out.append("catalog: ").append(r.catalogDifference).append('\n');
                    }
                    if (!r.roundTripCheck.ok()) {
                        out.append("check after upgrade: ").append(r.roundTripCheck.detail()).append('\n');
                    }
                }
                out.append("```\n\n");
            }
        }
    }

    private void maven() {
        out.append("## `mvn retort:check` on the journal\n\n");
        if (maven.skipped() != null) {
            out.append("Not measured in this run (").append(maven.skipped()).append(").\n\n");
            return;
        }
        double cli = maven.retortCheck().median();
        double start = maven.mavenValidate().median();
        double plugin = maven.pluginCheck().median();
        out.append("The journal example (`models` + `migrations`), its database at head, checked by the command line "
                + "(`./retort check`) and by the Maven plugin run in the `migrations` module alone (`mvn -o -q -f "
                + "migrations/pom.xml dev.retort:retort-maven-plugin:VERSION:check`, the entities module from the "
                + "local repository), with Maven's own start-up apart: `mvn -o -q -f migrations/pom.xml validate` "
                + "starts Maven and reads the POMs but runs no plugin. Interleaved, after one untimed warm-up "
                + "round; min / median of ")
                .append(maven.pluginCheck().samples().size()).append(" runs.\n\n");
        out.append("| | min / median | against `./retort check` |\n|---|---|---:|\n");
        out.append("| `./retort check` | ").append(minMedian(maven.retortCheck())).append(" | 1.00 × |\n");
        out.append("| `mvn validate` (Maven's start-up) | ").append(minMedian(maven.mavenValidate())).append(" | ")
                .append(ratio(start / cli)).append(" × |\n");
        out.append("| `mvn retort:check` | ").append(minMedian(maven.pluginCheck())).append(" | ")
                .append(ratio(plugin / cli)).append(" × |\n");
        out.append("| `mvn retort:check` less Maven's start-up (medians) | ").append(sec(plugin - start))
                .append(" | ").append(ratio((plugin - start) / cli)).append(" × |\n\n");
        out.append("The plugin's share beyond Maven's start-up covers resolving the module's dependencies, creating "
                + "the plugin's class realm and the check itself in Maven's JVM, which has no class-data archive "
                + "of Retort's classes as `./retort` has.\n\n");
    }

    private void floors() {
        out.append("## Floors\n\n`java -version` and an empty main (the floor used above) with the command line's "
                + "flags; `pg_dump -s -f /dev/null` of the database `check` reads; the Hibernate floor "
                + "(`dev.retort.bench.HibernateFloor`: load the entity classes, `MetadataSources.buildMetadata()` "
                + "for `PostgreSQLDialect` without a connection) with the same flags and an AppCDS archive of its "
                + "own, written in the warm-up round as `check`'s is. Min / median.\n\n");
        out.append("| N | empty main | `java -version` | `pg_dump -s` | Hibernate floor |\n|---:|---|---|---|---|\n");
        for (SizeResult r : results) {
            out.append("| ").append(r.n).append(" | ").append(minMedian(Stats.of(r.emptyMain))).append(" | ")
                    .append(minMedian(Stats.of(r.javaVersion))).append(" | ").append(minMedian(Stats.of(r.pgDump)))
                    .append(" | ").append(minMedian(Stats.of(r.hibernateFloor))).append(" |\n");
        }
        out.append('\n');
    }

    private void alembic() {
        out.append("## Alembic\n\n");
        Optional<SizeResult> any = results.stream().filter(r -> r.alembic.runs > 0).findFirst();
        if (any.isEmpty()) {
            out.append("Not measured: ").append(results.get(0).alembic.skipped).append(".\n\n");
            return;
        }
        out.append(any.get().alembic.versions).append(" (Debian's `python3-alembic`, run by `/usr/bin/python3`). "
                + "The models are SQLAlchemy Core tables written from the schema Hibernate creates "
                + "(`bench/target/bench-N/alembic_models.py`); each run is a fresh Python process "
                + "(`alembic_compare.py`) that imports them, connects with psycopg2 and times "
                + "`compare_metadata(MigrationContext.configure(conn, opts={\"compare_type\": True, "
                + "\"compare_server_default\": True}), metadata)` once. At large N fewer runs than the others fit "
                + "the time budget (`--alembic-budget`, ").append(String.format(Locale.ROOT, "%.0f",
                options.alembicBudget())).append(" s per size).\n\n");
        out.append("| N | runs | compare_metadata | process | importing the models | statements per compare "
                + "| differences reported |\n|---:|---:|---|---|---|---:|---:|\n");
        for (SizeResult r : results) {
            SizeResult.AlembicFigures a = r.alembic;
            out.append("| ").append(r.n).append(" | ").append(a.runs).append(" | ").append(minMedian(Stats.of(a.compare)))
                    .append(" | ").append(minMedian(Stats.of(a.process))).append(" | ")
                    .append(minMedian(Stats.of(a.imports))).append(" | ").append(a.queries).append(" | ")
                    .append(a.differences).append(" |\n");
        }
        if (results.stream().allMatch(r -> r.alembic.differences == 0)) {
            out.append("\nAlembic reported no difference at any size: its models describe the database exactly, so "
                    + "the two tools compare like with like.\n\n");
            return;
        }
        out.append("\nEvery difference Alembic reports here is a false positive: the database was created from the "
                + "same schema. By kind, with the first few:\n\n");
        for (SizeResult r : results) {
            SizeResult.AlembicFigures a = r.alembic;
            if (a.differences == 0) {
                continue;
            }
            out.append("- N = ").append(r.n).append(": ").append(a.kinds).append('\n');
            for (String s : a.sample.stream().limit(3).toList()) {
                out.append("  - `").append(s.replace("`", "'")).append("`\n");
            }
        }
        out.append('\n');
    }

    private void setup() {
        out.append("## Schemas and setup (not measured figures)\n\n");
        out.append("| N | tables | columns | indexes | unique constraints | foreign keys | checks | sequences "
                + "| enum types | write + compile the model | Hibernate creates the schema |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            SchemaFacts s = r.schema;
            out.append("| ").append(r.n).append(" | ").append(s.tables()).append(" | ").append(s.columns()).append(" | ")
                    .append(s.indexes()).append(" | ").append(s.uniqueConstraints()).append(" | ")
                    .append(s.foreignKeys()).append(" | ").append(s.checks()).append(" | ").append(s.sequences())
                    .append(" | ").append(s.enumTypes()).append(" | ").append(sec(r.modelSeconds)).append(" | ")
                    .append(sec(r.ddlSeconds)).append(" |\n");
        }
        out.append('\n');
    }

    private void method() {
        out.append("## How it is measured\n\n");
        out.append("""
                - The model: `ModelGenerator`, seeded by N, writes N entities (5 to 12 columns: varchar, text, integer, \
                bigint, boolean, timestamptz, numeric, uuid, JSON maps, dates, enums as strings, ordinals and one \
                PostgreSQL enum type; nullable and not; `@ColumnDefault`s; 0 to 2 `@ManyToOne` to earlier entities, \
                some `@OnDelete`; single and multi-column indexes, some unique; unique and check constraints in \
                JPA's and Hibernate's styles; sequence, identity and UUID keys; comments) into \
                `bench/target/bench-N/src`, compiled with `javax.tools`.
                - The database `PREFIX_N` is created by Hibernate itself (JPA bootstrap, \
                `jakarta.persistence.schema-generation.database.action=create`).
                - Each round runs the empty main, `java -version`, `pg_dump -s` and `retort check` one after the \
                other, so drift on the machine hits all of them alike; one untimed warm-up round comes first \
                (excluded). Wall time is taken around the whole child process; peak RSS is GNU time's `%M`.
                - `retort check` runs exactly as `./retort` starts it: `java -XX:TieredStopAtLevel=1 \
                -XX:+UseSerialGC -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
                -XX:SharedArchiveFile=bench/target/bench-N/retort.jsa -jar generator/target/retort.jar --url ... \
                --migrations <empty folder> --classpath bench/target/bench-N/classes --package bench.model check`; \
                the warm-up run wrote that archive with `-XX:ArchiveClassesAtExit`, as `./retort`'s first `check` \
                after a build does. `generate`, `upgrade` and the check after it use the archive too.
                - Every Retort process runs with an empty cache folder of its own (`RETORT_CACHE_DIR`), so entities \
                are read and migrations compiled as after a change; only the warm-up and the "cached" `check` share \
                one.
                - The phase and Alembic figures come from separate processes, so their sums need not add up to \
                the end-to-end figures exactly.
                """);
    }

    private Optional<SizeResult> size(int n) {
        return results.stream().filter(r -> r.n == n).findFirst();
    }

    /** The sizes of this run for which {@code test} holds, as "N = 100 and 1,000"; empty when none. */
    private Optional<String> sizesWhere(Predicate<SizeResult> test) {
        List<String> sizes = results.stream().filter(test).map(r -> String.format(Locale.ROOT, "%,d", r.n)).toList();
        if (sizes.isEmpty()) {
            return Optional.empty();
        }
        String last = sizes.get(sizes.size() - 1);
        return Optional.of("N = " + (sizes.size() == 1 ? last
                : String.join(", ", sizes.subList(0, sizes.size() - 1)) + " and " + last));
    }

    /** What the median {@code check} spends outside the JVM floor and the cold probe's phases. */
    private static double rest(SizeResult r) {
        double rest = r.checkStats().median() - Stats.of(r.emptyMain).median();
        for (String phase : CHECK_PHASES) {
            rest -= r.cold(phase);
        }
        return rest;
    }

    private static double coldTotal(SizeResult r) {
        double total = 0;
        for (String phase : CHECK_PHASES) {
            total += r.cold(phase);
        }
        return total;
    }

    private static double warmTotal(SizeResult r) {
        double total = 0;
        for (String phase : CHECK_PHASES) {
            total += r.warm(phase).median();
        }
        return total;
    }

    private static String coldWarm(SizeResult r, String phase) {
        return sec(r.cold(phase)) + " / " + sec(r.warm(phase).median());
    }

    private static String revisions(SizeResult r) {
        return r.baselineRevisions > 1 ? " in " + r.baselineRevisions + " revisions" : "";
    }

    private static String step(SizeResult.Step s) {
        if (Double.isNaN(s.seconds())) {
            return "–";
        }
        return (s.ok() ? "ok, " : "**failed** after ") + sec(s.seconds());
    }

    private static String alembicCell(Stats s) {
        return s.isEmpty() ? "–" : minMedian(s) + (s.samples().size() == 1 ? " (1 run)" : "");
    }

    private static String minMedian(Stats s) {
        return s.isEmpty() ? "–" : sec(s.min()) + " / " + sec(s.median());
    }

    static String sec(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        return String.format(Locale.ROOT, seconds < 0.1 ? "%.3f" : seconds < 10 ? "%.2f" : "%.1f", seconds);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String share(double part, double whole) {
        return Double.isNaN(part) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
    }

    private static String mib(long kb) {
        return kb <= 0 ? "–" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }

    private static String queries(int count) {
        return count < 0 ? "varied (" + -count + " first)" : String.valueOf(count);
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return (line.length() > 160 ? line.substring(0, 157) + "..." : line).replace("|", "\\|");
    }
}
